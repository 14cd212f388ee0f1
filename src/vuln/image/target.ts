import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import type { FileTree, TargetInfo } from '../inventory/types.js';
import { unpackArchive } from './archive.js';
import { DirTree } from './dir-tree.js';
import { LayeredTree } from './layered-tree.js';
import { readDockerArchive, readOciLayout, type ImageFiles, type ImagePlan } from './layout.js';
import { resolveLimits, type ImageLimits } from './limits.js';
import { DEFAULT_PLATFORM, parsePlatform } from './platform.js';

/** How to open a target. */
export interface OpenTargetOptions {
  /** `os/arch[/variant]` for multi-platform images (default linux/amd64). */
  readonly platform?: string;
  /** Allow plain HTTP to a loopback registry. */
  readonly insecure?: boolean;
  readonly username?: string;
  readonly password?: string;
  /** Parent of the private temp dir (default os.tmpdir()). */
  readonly tempDir?: string;
  readonly onProgress?: (message: string) => void;
  readonly limits?: Partial<ImageLimits>;
}

type Kind = TargetInfo['kind'];
const SCHEMES: readonly Kind[] = ['docker-archive', 'oci-archive', 'oci-dir', 'registry', 'dir'];

/** Splits `scheme:rest`; a bare path (or a Windows-free path with a colon) has no scheme. */
function splitSpec(spec: string): { kind: Kind | 'sbom' | undefined; ref: string } {
  const colon = spec.indexOf(':');
  if (colon > 0) {
    const scheme = spec.slice(0, colon);
    if (scheme === 'sbom') return { kind: 'sbom', ref: spec.slice(colon + 1) };
    if ((SCHEMES as readonly string[]).includes(scheme))
      return { kind: scheme as Kind, ref: spec.slice(colon + 1) };
  }
  return { kind: undefined, ref: spec };
}

/**
 * Opens an image or directory as a merged FileTree. Archives are copied member by member into a
 * private temp dir (removed by `close()`); nothing else is written anywhere.
 */
export async function openTarget(spec: string, options: OpenTargetOptions = {}): Promise<FileTree> {
  const { kind: named, ref } = splitSpec(spec);
  if (named === 'sbom') {
    throw new CubecapeError(
      'USAGE',
      `sbom:${ref}: SBOM files are read by the sbom/vuln commands, not opened as image targets`,
    );
  }
  if (ref === '')
    throw new CubecapeError(
      'USAGE',
      `empty target ${JSON.stringify(spec)}: expected SCHEME:PATH or a path`,
    );
  const limits = resolveLimits(options.limits);
  const platform = parsePlatform(options.platform ?? DEFAULT_PLATFORM);
  if (named === 'registry') {
    const { pullImage } = await import('./registry/pull.js');
    const temp = await mkdtemp(join(options.tempDir ?? tmpdir(), 'cubecape-image-'));
    try {
      const pulled = await pullImage(ref, temp, { ...options, limits, platform });
      const plan = await readOciLayout(layoutFiles(temp, ref), limits, platform);
      return await LayeredTree.open(
        { kind: 'registry', ref, ...plan.info, digest: pulled.digest, names: [pulled.name] },
        plan.layers,
        limits,
        temp,
        options.onProgress,
      );
    } catch (error) {
      await rm(temp, { recursive: true, force: true });
      throw error;
    }
  }
  const kind = named ?? (await detectKind(ref));
  if (kind === 'dir') return DirTree.open(ref, ref, limits);
  if (kind === 'oci-dir') {
    const plan = await readOciLayout(layoutFiles(ref, ref), limits, platform);
    return LayeredTree.open(
      info(kind, ref, plan),
      plan.layers,
      limits,
      undefined,
      options.onProgress,
    );
  }
  const temp = await mkdtemp(join(options.tempDir ?? tmpdir(), 'cubecape-image-'));
  try {
    options.onProgress?.(`unpacking ${ref}`);
    const { files } = await unpackArchive(ref, temp, limits);
    const image: ImageFiles = { where: ref, file: (path) => Promise.resolve(files.get(path)) };
    // An archive named without a scheme is told apart by its members once unpacked, rather
    // than by reading it all a second time just for their names.
    const archiveKind = kind === 'archive' ? archiveKindOf(ref, files) : kind;
    const plan =
      archiveKind === 'docker-archive'
        ? await readDockerArchive(image, limits)
        : await readOciLayout(image, limits, platform);
    return await LayeredTree.open(
      info(archiveKind, ref, plan),
      plan.layers,
      limits,
      temp,
      options.onProgress,
    );
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

function info(kind: Kind, ref: string, plan: ImagePlan): TargetInfo {
  return { kind, ref, ...plan.info };
}

/** An OCI layout directory: only digest-named blobs and fixed names are ever looked up. */
function layoutFiles(dir: string, where: string): ImageFiles {
  return {
    where,
    file: async (path) => {
      const full = join(dir, path);
      const found = await stat(full).catch(() => undefined);
      return found?.isFile() === true ? full : undefined;
    },
  };
}

/**
 * docker save output has manifest.json (newer docker adds oci-layout too, and is still read as
 * docker save output); an OCI image layout has only oci-layout.
 */
function archiveKindOf(
  path: string,
  files: ReadonlyMap<string, string>,
): 'docker-archive' | 'oci-archive' {
  if (files.has('/manifest.json')) return 'docker-archive';
  if (files.has('/oci-layout')) return 'oci-archive';
  throw new CubecapeError(
    'FILE_UNREADABLE',
    `${path}: a tar archive without manifest.json or oci-layout: expected docker save output or an OCI image layout`,
    { file: path },
  );
}

/** A directory's kind; any other file is an archive whose kind its members tell. */
async function detectKind(path: string): Promise<Kind | 'archive'> {
  const found = await stat(path).catch(() => undefined);
  if (found === undefined) {
    throw new CubecapeError(
      'PATH_NOT_FOUND',
      `${path}: no such file or directory (expected an image archive, an OCI layout or a directory; use registry:REF for a registry image)`,
      { file: path },
    );
  }
  if (found.isDirectory()) {
    const layout = await stat(join(path, 'oci-layout')).catch(() => undefined);
    return layout?.isFile() === true ? 'oci-dir' : 'dir';
  }
  return 'archive';
}
