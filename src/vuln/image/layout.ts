import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { CubecapeError, describeError } from '../../core/errors.js';
import type { TargetInfo } from '../inventory/types.js';
import type { ImageLimits } from './limits.js';
import type { LayerBlob } from './layer-stream.js';
import { checkDigest } from './layer-stream.js';
import { formatPlatform, platformMatches, type Platform } from './platform.js';

/** Where an image's files are: archive members in the temp dir, or an OCI layout directory. */
export interface ImageFiles {
  /** Human name for messages (`image.tar`). */
  readonly where: string;
  /** The local file for an image path (`/manifest.json`, `/blobs/sha256/…`), if present. */
  file(path: string): Promise<string | undefined>;
}

/** The layers and facts of one image, ready for {@link LayeredTree.open}. */
export interface ImagePlan {
  readonly layers: LayerBlob[];
  readonly info: Omit<TargetInfo, 'kind' | 'ref'>;
}

interface Descriptor {
  readonly mediaType?: string;
  readonly digest: string;
  readonly size?: number;
  readonly platform?: Partial<Platform>;
  readonly annotations?: Record<string, string>;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

function invalid(where: string, message: string): CubecapeError {
  return new CubecapeError('FILE_UNREADABLE', `${where}: ${message}`, { file: where });
}

async function readJson(
  files: ImageFiles,
  path: string,
  limits: ImageLimits,
  digest?: string,
): Promise<unknown> {
  const file = await files.file(path);
  if (file === undefined)
    throw invalid(
      files.where,
      `missing ${path.slice(1)}: expected it in an image archive or layout`,
    );
  const size = (await stat(file)).size;
  if (size > limits.maxJsonBytes)
    throw invalid(
      files.where,
      `${path.slice(1)} is ${size} bytes, larger than maxJsonBytes (${limits.maxJsonBytes})`,
    );
  const bytes = await readFile(file);
  if (digest !== undefined) {
    checkDigest(
      `${files.where}: ${path.slice(1)}`,
      'digest',
      digest,
      `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw invalid(files.where, `${path.slice(1)} is not valid JSON: ${describeError(error)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}

/** Diff ids and platform from an image config. */
function readConfig(config: unknown, where: string): { diffIds: string[]; platform: string } {
  const rootfs = isRecord(config) ? config.rootfs : undefined;
  const diffIds = isRecord(rootfs) ? stringList(rootfs.diff_ids) : undefined;
  if (!isRecord(config) || diffIds === undefined || !diffIds.every((id) => DIGEST.test(id))) {
    throw invalid(
      where,
      'the image config has no valid rootfs.diff_ids: expected a list of sha256 digests',
    );
  }
  const platform = formatPlatform({
    os: typeof config.os === 'string' ? config.os : undefined,
    architecture: typeof config.architecture === 'string' ? config.architecture : undefined,
    ...(typeof config.variant === 'string' ? { variant: config.variant } : {}),
  } as Partial<Platform>);
  return { diffIds, platform };
}

function blobPath(digest: string): string {
  return `/blobs/sha256/${digest.slice('sha256:'.length)}`;
}

function descriptor(value: unknown, where: string, what: string): Descriptor {
  if (!isRecord(value) || typeof value.digest !== 'string' || !DIGEST.test(value.digest)) {
    throw invalid(where, `${what}: expected a descriptor with a sha256 digest`);
  }
  return value as unknown as Descriptor;
}

/** `docker save` / `podman save`: manifest.json → config + layer tars. */
export async function readDockerArchive(
  files: ImageFiles,
  limits: ImageLimits,
): Promise<ImagePlan> {
  const manifest = await readJson(files, '/manifest.json', limits);
  const first: unknown = Array.isArray(manifest) ? manifest[0] : undefined;
  if (
    !isRecord(first) ||
    typeof first.Config !== 'string' ||
    stringList(first.Layers) === undefined
  ) {
    throw invalid(
      files.where,
      'manifest.json: expected [{"Config": …, "Layers": [...]}] as written by docker save',
    );
  }
  const layerPaths = stringList(first.Layers) ?? [];
  const configPath = `/${first.Config}`;
  const configDigest = /^\/blobs\/sha256\/[a-f0-9]{64}$/.test(configPath)
    ? `sha256:${configPath.slice(-64)}`
    : undefined;
  const { diffIds, platform } = readConfig(
    await readJson(files, configPath, limits, configDigest),
    files.where,
  );
  if (diffIds.length !== layerPaths.length) {
    throw invalid(
      files.where,
      `manifest.json lists ${layerPaths.length} layers but the config has ${diffIds.length} diff ids`,
    );
  }
  if (layerPaths.length > limits.maxLayers)
    throw invalid(files.where, `more than ${limits.maxLayers} layers (limit maxLayers)`);
  const layers: LayerBlob[] = [];
  for (const [index, layerPath] of layerPaths.entries()) {
    const path = `/${layerPath}`;
    const file = await files.file(path);
    if (file === undefined)
      throw invalid(files.where, `missing layer ${layerPath} named in manifest.json`);
    const digest = /^\/blobs\/sha256\/[a-f0-9]{64}$/.test(path)
      ? `sha256:${path.slice(-64)}`
      : undefined;
    layers.push({
      file,
      where: `${files.where}: ${layerPath}`,
      diffId: diffIds[index] ?? '',
      ...(digest === undefined ? {} : { digest }),
    });
  }
  const names = stringList(first.RepoTags) ?? [];
  return {
    layers,
    info: { layers: diffIds, platform, names, ...(configDigest === undefined ? {} : {}) },
  };
}

const INDEX_TYPES = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
]);

/**
 * An OCI image layout: index.json → (nested indexes →) manifest → config + layers. Indexes with
 * several images are narrowed by platform; every blob read is checked against its digest.
 */
export async function readOciLayout(
  files: ImageFiles,
  limits: ImageLimits,
  platform: Platform,
): Promise<ImagePlan> {
  if ((await files.file('/oci-layout')) === undefined)
    throw invalid(files.where, 'missing oci-layout: expected an OCI image layout');
  let document = await readJson(files, '/index.json', limits);
  let manifestDigest: string | undefined;
  for (let depth = 0; depth < 8; depth += 1) {
    if (!isRecord(document) || !Array.isArray(document.manifests) || isRecord(document.config)) {
      break;
    }
    const chosen = chooseManifest(document.manifests as unknown[], platform, files.where);
    manifestDigest = chosen.digest;
    document = await readJson(files, blobPath(chosen.digest), limits, chosen.digest);
  }
  if (!isRecord(document) || !Array.isArray(document.layers))
    throw invalid(files.where, 'expected an image manifest with config and layers');
  const config = descriptor(document.config, files.where, 'manifest config');
  const { diffIds, platform: found } = readConfig(
    await readJson(files, blobPath(config.digest), limits, config.digest),
    files.where,
  );
  const layerDescriptors = document.layers.map((layer, index) =>
    descriptor(layer, files.where, `manifest layer ${index}`),
  );
  if (layerDescriptors.length !== diffIds.length)
    throw invalid(
      files.where,
      `the manifest has ${layerDescriptors.length} layers but the config has ${diffIds.length} diff ids`,
    );
  if (layerDescriptors.length > limits.maxLayers)
    throw invalid(files.where, `more than ${limits.maxLayers} layers (limit maxLayers)`);
  const layers: LayerBlob[] = [];
  for (const [index, layer] of layerDescriptors.entries()) {
    const file = await files.file(blobPath(layer.digest));
    if (file === undefined) throw invalid(files.where, `missing layer blob ${layer.digest}`);
    layers.push({
      file,
      where: `${files.where}: layer ${layer.digest}`,
      diffId: diffIds[index] ?? '',
      digest: layer.digest,
    });
  }
  return {
    layers,
    info: {
      layers: diffIds,
      platform: found,
      ...(manifestDigest === undefined ? {} : { digest: manifestDigest }),
    },
  };
}

function chooseManifest(list: readonly unknown[], platform: Platform, where: string): Descriptor {
  const descriptors = list.map((item, index) => descriptor(item, where, `index entry ${index}`));
  const images = descriptors.filter((item) => item.platform?.os !== 'unknown');
  if (images.length === 1 && images[0] !== undefined) return images[0];
  const nested = images.filter(
    (item) => item.mediaType !== undefined && INDEX_TYPES.has(item.mediaType),
  );
  const matching = images.filter((item) => platformMatches(item.platform, platform));
  const chosen = matching[0] ?? (nested.length === 1 ? nested[0] : undefined);
  if (chosen === undefined) {
    const available = images.map((item) => formatPlatform(item.platform)).join(', ');
    throw new CubecapeError(
      'USAGE',
      `${where}: no image for platform ${formatPlatform(platform)}; available: ${available || 'none'} (choose one with --platform)`,
      { file: where },
    );
  }
  return chosen;
}
