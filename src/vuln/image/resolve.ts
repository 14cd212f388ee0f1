import type { FileEntry } from '../inventory/types.js';
import { joinLink, normalizeQuery } from './entry-path.js';

/** The most symlinks followed for one lookup, as Linux's MAXSYMLINKS. */
export const MAX_LINK_HOPS = 40;

/**
 * Follows symlinks component by component (absolute targets from the tree's root, relative ones
 * from the link's directory, `..` clamped at the root) and returns the final entry, or `undefined`
 * when a component is missing or the links loop.
 */
export function resolveIn(
  entries: ReadonlyMap<string, FileEntry>,
  path: string,
  followLast = true,
): FileEntry | undefined {
  let pending = normalizeQuery(path)
    .split('/')
    .filter((part) => part !== '');
  let current = '';
  let hops = 0;
  while (pending.length > 0) {
    const [segment, ...rest] = pending;
    if (segment === undefined) break;
    const next = `${current}/${segment}`;
    const entry = entries.get(next);
    if (entry === undefined) return undefined;
    if (entry.type === 'symlink' && (rest.length > 0 || followLast)) {
      hops += 1;
      if (hops > MAX_LINK_HOPS) return undefined;
      const target = joinLink(current === '' ? '/' : current, entry.linkTarget ?? '');
      pending = [...target.path.split('/').filter((part) => part !== ''), ...rest];
      current = '';
      continue;
    }
    current = next;
    pending = rest;
  }
  return current === '' ? entries.get('/') : entries.get(current);
}
