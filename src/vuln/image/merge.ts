import { CubecapeError } from '../../core/errors.js';
import type { FileEntry } from '../inventory/types.js';
import { baseName, joinLink, parentOf } from './entry-path.js';
import { resolveIn } from './resolve.js';

/** A tar entry as read in pass 1, before whiteouts are applied. */
export interface LayerEntry {
  readonly path: string;
  readonly type: FileEntry['type'];
  readonly size: number;
  readonly mode: number;
  readonly linkTarget?: string;
  /** Position of the entry in its layer's tar, to find it again in pass 2. */
  readonly ordinal: number;
}

/** Where the final version of a path lives. */
export interface Origin {
  readonly layer: number;
  readonly ordinal: number;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * The merged filesystem, built layer by layer as a container runtime (overlayfs) would: a layer's
 * `.wh.NAME` removes NAME from the layers below, `.wh..wh..opq` empties its directory of what the
 * layers below put there, and a later entry replaces an earlier one.
 */
export class MergedTable {
  readonly entries = new Map<string, FileEntry>();
  readonly origins = new Map<string, Origin>();
  private readonly children = new Map<string, Set<string>>();

  constructor() {
    this.entries.set('/', { path: '/', type: 'dir', size: 0, mode: 0o755 });
  }

  /** Applies one layer (bottom first). */
  addLayer(
    index: number,
    diffId: string,
    layerEntries: readonly LayerEntry[],
    where: string,
  ): void {
    for (const entry of layerEntries) {
      const name = baseName(entry.path);
      if (name === OPAQUE) this.removeChildren(this.realDir(parentOf(entry.path), entry, where));
      else if (name.startsWith(WHITEOUT)) {
        const dir = this.realDir(parentOf(entry.path), entry, where);
        this.remove(`${dir === '/' ? '' : dir}/${name.slice(WHITEOUT.length)}`);
      }
    }
    for (const entry of layerEntries) {
      if (baseName(entry.path).startsWith(WHITEOUT)) continue;
      const dir = this.realDir(parentOf(entry.path), entry, where);
      const path = `${dir === '/' ? '' : dir}/${baseName(entry.path)}`;
      if (path === '/') continue;
      this.put(path, entry, diffId, index);
    }
  }

  private put(path: string, entry: LayerEntry, diffId: string, index: number): void {
    const previous = this.entries.get(path);
    if (previous !== undefined && previous.type === 'dir' && entry.type !== 'dir') {
      this.removeChildren(path);
    }
    const linkTarget =
      entry.type === 'hardlink' && entry.linkTarget !== undefined
        ? joinLink('/', entry.linkTarget).path
        : entry.linkTarget;
    const size =
      entry.type === 'hardlink' && linkTarget !== undefined
        ? (this.entries.get(linkTarget)?.size ?? 0)
        : entry.size;
    this.entries.set(path, {
      path,
      type: entry.type,
      size,
      mode: entry.mode,
      layer: diffId,
      ...(linkTarget === undefined ? {} : { linkTarget }),
    });
    this.origins.set(path, { layer: index, ordinal: entry.ordinal });
    this.link(path);
  }

  /** Registers a path under its parent, creating missing parent directories. */
  private link(path: string): void {
    const parent = parentOf(path);
    if (!this.entries.has(parent)) {
      this.entries.set(parent, { path: parent, type: 'dir', size: 0, mode: 0o755 });
      this.link(parent);
    }
    let set = this.children.get(parent);
    if (set === undefined) {
      set = new Set();
      this.children.set(parent, set);
    }
    set.add(path);
  }

  private remove(path: string): void {
    if (!this.entries.has(path)) return;
    this.removeChildren(path);
    this.entries.delete(path);
    this.origins.delete(path);
    this.children.get(parentOf(path))?.delete(path);
  }

  private removeChildren(dir: string): void {
    const set = this.children.get(dir);
    if (set === undefined) return;
    this.children.delete(dir);
    for (const child of set) this.remove(child);
  }

  /**
   * The real directory an entry's parent path names: a runtime writing `a/b/file` when `a` is a
   * symlink writes through the link. Links that climb above the root are rejected.
   */
  private realDir(dir: string, entry: LayerEntry, where: string): string {
    if (dir === '/') return dir;
    let current = '';
    for (const segment of dir.split('/').filter((part) => part !== '')) {
      const next = `${current}/${segment}`;
      const found = this.entries.get(next);
      if (found?.type === 'symlink') {
        const target = joinLink(current === '' ? '/' : current, found.linkTarget ?? '');
        if (target.escaped || found.linkTarget === undefined) {
          throw new CubecapeError(
            'FILE_UNREADABLE',
            `unsafe tar entry ${JSON.stringify(entry.path)} in ${where}: it is written through the symlink ${next} -> ${found.linkTarget ?? ''}, which points outside the image; the image was rejected`,
            { file: where },
          );
        }
        const resolved = resolveIn(this.entries, target.path);
        current = resolved === undefined ? target.path : resolved.path;
        if (current === '/') current = '';
        continue;
      }
      current = next;
    }
    return current === '' ? '/' : current;
  }
}
