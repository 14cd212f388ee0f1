import { posix } from 'node:path';
import type { FileEntry, FileTree, TargetInfo } from '../../../src/vuln/inventory/types.js';

/** What a test puts into a {@link memoryTree}: file contents, or a symlink / directory. */
export type MemoryFile =
  | string
  | Buffer
  | { readonly data: string | Buffer; readonly mode: number }
  | { readonly symlink: string }
  | { readonly dir: true };

/**
 * A FileTree held in memory (a test double for the image and directory trees): a map of absolute
 * path → contents. Parent directories are added automatically.
 */
export function memoryTree(files: Readonly<Record<string, MemoryFile>>, layer?: string): FileTree {
  const entries = new Map<string, FileEntry>();
  const data = new Map<string, Buffer>();
  const addDirs = (path: string): void => {
    for (let dir = posix.dirname(path); dir !== '/' && !entries.has(dir); dir = posix.dirname(dir))
      entries.set(dir, { path: dir, type: 'dir', size: 0, mode: 0o755 });
  };
  for (const [path, value] of Object.entries(files)) {
    addDirs(path);
    const base = layer === undefined ? {} : { layer };
    const file =
      typeof value === 'string' || Buffer.isBuffer(value) ? { data: value, mode: 0o644 } : value;
    if ('data' in file) {
      const bytes = Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data, 'utf8');
      data.set(path, bytes);
      entries.set(path, { path, type: 'file', size: bytes.length, mode: file.mode, ...base });
    } else if ('symlink' in file) {
      entries.set(path, { path, type: 'symlink', size: 0, mode: 0o777, linkTarget: file.symlink });
    } else {
      entries.set(path, { path, type: 'dir', size: 0, mode: 0o755 });
    }
  }
  const info: TargetInfo = { kind: 'dir', ref: 'memory' };
  const resolve = (path: string, hops = 0): FileEntry | undefined => {
    const entry = entries.get(path);
    if (entry?.type !== 'symlink' || entry.linkTarget === undefined) return entry;
    if (hops >= 40) return undefined;
    const target = posix.resolve(posix.dirname(path), entry.linkTarget);
    return resolve(target, hops + 1);
  };
  return {
    info,
    entries,
    resolve: (path) => resolve(path),
    async walk(want, visit) {
      for (const entry of [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
        if (entry.type !== 'file' || !want(entry)) continue;
        await visit(entry, data.get(entry.path) ?? Buffer.alloc(0));
      }
    },
    close: () => Promise.resolve(),
  };
}
