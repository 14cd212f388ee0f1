/** Builds real image archives and layouts for tests: tar layers written with tar-stream. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';

export interface TestEntry {
  readonly name: string;
  readonly type?: 'file' | 'directory' | 'symlink' | 'link';
  readonly content?: string | Buffer;
  readonly linkname?: string;
}

export type TestCompression = 'gzip' | 'zstd' | 'none';

export interface TestLayer {
  readonly entries: readonly TestEntry[];
  readonly compression?: TestCompression;
}

export async function tarBytes(entries: readonly TestEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const chunk of pack) chunks.push(chunk as Buffer);
  })();
  for (const entry of entries) {
    const content = entry.content === undefined ? Buffer.alloc(0) : Buffer.from(entry.content);
    const type = entry.type ?? 'file';
    const header = {
      name: entry.name,
      type,
      mode: type === 'directory' ? 0o755 : 0o644,
      ...(entry.linkname === undefined ? {} : { linkname: entry.linkname }),
    };
    if (type === 'file') pack.entry(header, content);
    else pack.entry(header);
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export function sha256(data: Buffer | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

export function compress(data: Buffer, compression: TestCompression): Buffer {
  if (compression === 'gzip') return gzipSync(data);
  if (compression === 'zstd') {
    try {
      return execFileSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
    } catch (error) {
      // Never skipped: CI installs zstd (.ci/run); say what is missing instead of ENOENT.
      throw new Error(`the zstd command failed or is missing; install zstd (as .ci/run does)`, {
        cause: error,
      });
    }
  }
  return data;
}

interface BuiltLayer {
  readonly blob: Buffer;
  readonly diffId: string;
  readonly digest: string;
  readonly mediaType: string;
}

async function buildLayers(layers: readonly TestLayer[]): Promise<BuiltLayer[]> {
  const built: BuiltLayer[] = [];
  for (const layer of layers) {
    const raw = await tarBytes(layer.entries);
    const compression = layer.compression ?? 'gzip';
    const blob = compress(raw, compression);
    const mediaType = `application/vnd.oci.image.layer.v1.tar${compression === 'none' ? '' : `+${compression}`}`;
    built.push({ blob, diffId: sha256(raw), digest: sha256(blob), mediaType });
  }
  return built;
}

function configFor(layers: readonly BuiltLayer[], platform = 'linux/amd64'): Buffer {
  const [os, architecture, variant] = platform.split('/');
  return Buffer.from(
    JSON.stringify({
      architecture,
      os,
      ...(variant === undefined ? {} : { variant }),
      config: {},
      rootfs: { type: 'layers', diff_ids: layers.map((layer) => layer.diffId) },
    }),
  );
}

/** `docker save` layout: manifest.json, config JSON and `<id>/layer.tar` members. */
export async function dockerArchive(
  file: string,
  layers: readonly TestLayer[],
  options: { tamperDiffId?: boolean } = {},
): Promise<void> {
  const built = await buildLayers(layers);
  const config = configFor(built);
  const configJson =
    options.tamperDiffId === true
      ? Buffer.from(config.toString().replace(/sha256:[a-f0-9]{4}/, 'sha256:0000'))
      : config;
  const configName = `${sha256(configJson).slice(7)}.json`;
  const entries: TestEntry[] = [{ name: configName, content: configJson }];
  const layerNames = built.map((layer, index) => `layer${index}/layer.tar`);
  built.forEach((layer, index) =>
    entries.push({ name: layerNames[index] ?? '', content: layer.blob }),
  );
  entries.push({
    name: 'manifest.json',
    content: JSON.stringify([{ Config: configName, RepoTags: ['demo:1'], Layers: layerNames }]),
  });
  await writeFile(file, await tarBytes(entries));
}

/** The members of an OCI image layout holding one image per platform (an index when several). */
export async function ociLayoutEntries(
  images: readonly { platform: string; layers: readonly TestLayer[] }[],
): Promise<TestEntry[]> {
  const entries: TestEntry[] = [{ name: 'oci-layout', content: '{"imageLayoutVersion":"1.0.0"}' }];
  const manifests: unknown[] = [];
  for (const image of images) {
    const built = await buildLayers(image.layers);
    const config = configFor(built, image.platform);
    const blob = (data: Buffer): void => {
      entries.push({ name: `blobs/sha256/${sha256(data).slice(7)}`, content: data });
    };
    blob(config);
    for (const layer of built) blob(layer.blob);
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: {
          mediaType: 'application/vnd.oci.image.config.v1+json',
          digest: sha256(config),
          size: config.length,
        },
        layers: built.map((layer) => ({
          mediaType: layer.mediaType,
          digest: layer.digest,
          size: layer.blob.length,
        })),
      }),
    );
    blob(manifest);
    const [os, architecture] = image.platform.split('/');
    manifests.push({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: sha256(manifest),
      size: manifest.length,
      platform: { os, architecture },
      annotations: { 'org.opencontainers.image.ref.name': '1' },
    });
  }
  if (manifests.length > 1) {
    // Several platforms: a nested image index, as `skopeo copy --all` and registries expect.
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests,
      }),
    );
    entries.push({ name: `blobs/sha256/${sha256(index).slice(7)}`, content: index });
    manifests.splice(0, manifests.length, {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: sha256(index),
      size: index.length,
      annotations: { 'org.opencontainers.image.ref.name': '1' },
    });
  }
  entries.push({ name: 'index.json', content: JSON.stringify({ schemaVersion: 2, manifests }) });
  return entries;
}

export async function ociArchive(
  file: string,
  images: readonly { platform: string; layers: readonly TestLayer[] }[],
): Promise<void> {
  await writeFile(file, await tarBytes(await ociLayoutEntries(images)));
}

export async function ociDir(
  dir: string,
  images: readonly { platform: string; layers: readonly TestLayer[] }[],
): Promise<void> {
  for (const entry of await ociLayoutEntries(images)) {
    const path = join(dir, entry.name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, entry.content ?? '');
  }
}

/** A small realistic image: os-release, dpkg and apk databases, node_modules, whiteouts across layers. */
export const DEMO_LAYERS: readonly TestLayer[] = [
  {
    compression: 'gzip',
    entries: [
      { name: 'etc/', type: 'directory' },
      { name: 'usr/lib/os-release', content: 'ID=debian\nVERSION_ID="12"\n' },
      { name: 'etc/os-release', type: 'symlink', linkname: '../usr/lib/os-release' },
      { name: 'var/lib/dpkg/status', content: 'Package: bash\nVersion: 5.2.15-2\n\n' },
      { name: 'lib/apk/db/installed', content: 'P:musl\nV:1.2.4-r2\n\n' },
      { name: 'tmp/secret.txt', content: 'to be removed' },
      { name: 'opt/cache/a', content: 'a' },
      { name: 'opt/cache/b', content: 'b' },
      { name: 'bin/sh', content: 'ELF...' },
      { name: 'bin/bash', type: 'link', linkname: 'bin/sh' },
    ],
  },
  {
    compression: 'zstd',
    entries: [
      { name: 'tmp/.wh.secret.txt' },
      { name: 'opt/cache/.wh..wh..opq' },
      { name: 'opt/cache/c', content: 'c' },
      {
        name: 'app/node_modules/left-pad/package.json',
        content: '{"name":"left-pad","version":"1.3.0"}',
      },
    ],
  },
  {
    compression: 'none',
    entries: [{ name: 'var/lib/dpkg/status', content: 'Package: bash\nVersion: 5.2.15-3\n\n' }],
  },
];
