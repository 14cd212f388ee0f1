import { constants } from 'node:fs';
import { lstat, open, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import type { FileEntry, FileTree, TargetInfo } from '../inventory/types.js';
import { resolveIn } from './resolve.js';
import type { ImageLimits } from './limits.js';

const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;
/** Kernel pseudo filesystems: huge, unreadable or endless when scanning a root filesystem. */
const SKIPPED = new Set(['/proc', '/sys', '/dev']);

/**
 * A FileTree over a real directory. Entries come from `lstat`, so symlinks are recorded and never
 * followed on disk (resolution happens inside the tree, rooted at the directory); devices,
 * sockets and FIFOs are listed as `other` and never read. Contents are read only by `walk`.
 */
export class DirTree implements FileTree {
  private constructor(
    readonly info: TargetInfo,
    readonly entries: ReadonlyMap<string, FileEntry>,
    private readonly root: string,
  ) {}

  static async open(root: string, ref: string, limits: ImageLimits): Promise<DirTree> {
    const entries = new Map<string, FileEntry>();
    const stats = await lstat(root).catch(() => undefined);
    if (stats?.isDirectory() !== true) {
      throw new CubecapeError('PATH_NOT_FOUND', `${root}: expected a directory`, { file: root });
    }
    entries.set('/', { path: '/', type: 'dir', size: 0, mode: stats.mode & 0o7777 });
    const pending = ['/'];
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      const names = await readdir(join(root, dir)).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
        if (SKIPPED.has(path)) continue;
        const info = await lstat(join(root, path)).catch(() => undefined);
        if (info === undefined) continue;
        if (entries.size >= limits.maxEntries) {
          throw new CubecapeError(
            'FILE_TOO_LARGE',
            `${root}: more than ${limits.maxEntries} entries (limit maxEntries)`,
            { file: root },
          );
        }
        const mode = info.mode & 0o7777;
        if (info.isDirectory()) {
          entries.set(path, { path, type: 'dir', size: 0, mode });
          pending.push(path);
        } else if (info.isFile()) {
          entries.set(path, { path, type: 'file', size: info.size, mode });
        } else if (info.isSymbolicLink()) {
          const linkTarget = await readlink(join(root, path)).catch(() => '');
          entries.set(path, { path, type: 'symlink', size: 0, mode, linkTarget });
        } else {
          entries.set(path, { path, type: 'other', size: 0, mode });
        }
      }
    }
    return new DirTree({ kind: 'dir', ref }, entries, root);
  }

  resolve(path: string): FileEntry | undefined {
    return resolveIn(this.entries, path);
  }

  async walk(
    want: (entry: FileEntry) => boolean,
    visit: (entry: FileEntry, data: Buffer) => void | Promise<void>,
    options?: { readonly maxFileBytes?: number },
  ): Promise<void> {
    const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    for (const entry of this.entries.values()) {
      if (entry.type !== 'file' || entry.size > maxFileBytes || !want(entry)) continue;
      const data = await this.read(entry, maxFileBytes);
      if (data !== undefined) await visit(entry, data);
    }
  }

  /** Reads a file without following a symlink swapped in since the scan (O_NOFOLLOW). */
  private async read(entry: FileEntry, maxFileBytes: number): Promise<Buffer | undefined> {
    const handle = await open(
      join(this.root, entry.path),
      constants.O_RDONLY | constants.O_NOFOLLOW,
    ).catch(() => undefined);
    if (handle === undefined) return undefined;
    try {
      const info = await handle.stat();
      if (!info.isFile() || info.size > maxFileBytes) return undefined;
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
