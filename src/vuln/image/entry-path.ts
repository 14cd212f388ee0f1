import { CubecapeError } from '../../core/errors.js';

/**
 * Turns a tar entry name into an absolute, normalised tree path (`./usr/bin/` → `/usr/bin`).
 * Names that could escape the root (`..` segments, absolute paths) are rejected, never rewritten:
 * a well-formed image has neither.
 */
export function entryPath(name: string, where: string): string {
  if (name.startsWith('/')) {
    throw unsafe(name, where, 'an absolute path');
  }
  const parts: string[] = [];
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') throw unsafe(name, where, 'a ".." segment');
    if (segment.includes('\0')) throw unsafe(name, where, 'a NUL byte');
    parts.push(segment);
  }
  return '/' + parts.join('/');
}

function unsafe(name: string, where: string, what: string): CubecapeError {
  return new CubecapeError(
    'FILE_UNREADABLE',
    `unsafe tar entry ${JSON.stringify(name)} in ${where}: expected a relative path inside the image, got ${what}; the image was rejected`,
    { file: where },
  );
}

/** Parent directory of a normalised path (`/a/b` → `/a`, `/a` → `/`). */
export function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

/** Last segment of a normalised path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Joins a link target to the directory holding the link and normalises the result the way a
 * chrooted kernel would: `..` at the root stays at the root. `escaped` tells whether it tried to
 * climb above the root.
 */
export function joinLink(dir: string, target: string): { path: string; escaped: boolean } {
  const parts = target.startsWith('/') ? [] : dir.split('/').filter((part) => part !== '');
  let escaped = false;
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (parts.length === 0) escaped = true;
      else parts.pop();
    } else {
      parts.push(segment);
    }
  }
  return { path: '/' + parts.join('/'), escaped };
}

/** Normalises a path a caller asks about (`usr//lib/./x/` → `/usr/lib/x`), clamping `..` at `/`. */
export function normalizeQuery(path: string): string {
  return joinLink('/', path).path;
}
