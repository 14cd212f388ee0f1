import { yaml } from '../../../core/lazy-require.js';
import type { InventoryNote } from '../../inventory/types.js';
import {
  addNote,
  baseName,
  fileCataloger,
  isRecord,
  str,
  type FoundPackage,
  type ParsedFile,
} from '../found.js';
import { npmPackage } from './npm.js';

/**
 * A `packages:` key of pnpm-lock → name and version. v5: `/name/1.0.0_peer`, `/@s/n/1.0.0`;
 * v6–v8: `/name@1.0.0(peer@2)`; v9: `name@1.0.0(peer@2)`.
 */
export function parsePnpmKey(key: string): { name: string; version: string } | undefined {
  // Keys of packages from another registry start with its host: `registry.npmjs.org/foo/1.1.0`.
  const bare = key
    .replace(/^\//, '')
    .replace(/^[a-z0-9-]+(\.[a-z0-9-]+)+\//i, '')
    .replace(/\(.*$/, '');
  const at = bare.indexOf('@', 1);
  if (at > 0 && !bare.slice(0, at).includes('/', bare.startsWith('@') ? bare.indexOf('/') + 1 : 0))
    return { name: bare.slice(0, at), version: bare.slice(at + 1) };
  const parts = bare.split('/');
  const scoped = bare.startsWith('@');
  const name = scoped ? parts.slice(0, 2).join('/') : parts[0];
  const version = (scoped ? parts[2] : parts[1])?.split('_', 1)[0];
  if (name === undefined || name === '' || version === undefined || !/^\d/.test(version))
    return undefined;
  return { name, version };
}

function commitOf(value: Record<string, unknown>): string | undefined {
  const resolution = value['resolution'];
  if (!isRecord(resolution)) return undefined;
  const commit = str(resolution, 'commit');
  if (commit !== undefined) return commit;
  const tarball = str(resolution, 'tarball') ?? '';
  return /\/([0-9a-f]{40})(?:$|[/?#.])/.exec(tarball)?.[1];
}

/** Parses `pnpm-lock.yaml`, lockfile versions 5 to 9. */
export function parsePnpmLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  let doc: unknown;
  try {
    doc = yaml().parse(file.text, { maxAliasCount: 100, uniqueKeys: false });
  } catch (error) {
    addNote(notes, file.path, `expected YAML: ${(error as Error).message.split('\n', 1)[0] ?? ''}`);
    return [];
  }
  if (doc === null || doc === undefined) return [];
  if (!isRecord(doc)) {
    addNote(notes, file.path, 'expected a YAML mapping');
    return [];
  }
  const packages = doc['packages'];
  if (!isRecord(packages)) return [];
  const out: FoundPackage[] = [];
  for (const [key, raw] of Object.entries(packages)) {
    const value = isRecord(raw) ? raw : {};
    const parsed = parsePnpmKey(key);
    const name = str(value, 'name') ?? parsed?.name;
    let version = str(value, 'version') ?? parsed?.version ?? '';
    if (name === undefined) {
      addNote(notes, file.path, `cannot read a package name from key "${key}"`);
      continue;
    }
    const commit = commitOf(value);
    if (commit !== undefined && /^[0-9a-f]{40}$/.test(version)) version = '';
    out.push(npmPackage(name, version, { dev: value['dev'] === true, commit }));
  }
  return out;
}

/** pnpm: `pnpm-lock.yaml`. */
export const pnpmCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('pnpm', (path) => baseName(path) === 'pnpm-lock.yaml', parsePnpmLock);
