import type { InventoryNote } from '../../inventory/types.js';
import {
  addNote,
  baseName,
  fileCataloger,
  isRecord,
  parseJson,
  str,
  type FoundPackage,
  type ParsedFile,
} from '../found.js';
import { purl } from '../purl.js';

/** `@scope/name` → purl namespace and name. */
export function npmPurl(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return slash > 0
    ? purl('npm', name.slice(0, slash), name.slice(slash + 1), version)
    : purl('npm', undefined, name, version);
}

/** One npm package as lockfiles describe it (also used by the yarn and pnpm catalogers). */
export function npmPackage(
  name: string,
  version: string,
  extra: { dev?: boolean; commit?: string | undefined; license?: string | undefined } = {},
): FoundPackage {
  const metadata: Record<string, string> = {};
  if (extra.commit !== undefined && extra.commit !== '') metadata['commit'] = extra.commit;
  return {
    name,
    version,
    ecosystem: 'npm',
    purl: npmPurl(name, version === '' ? (extra.commit ?? '') : version),
    ...(extra.dev === true ? { dev: true } : {}),
    ...(extra.license === undefined || extra.license === '' ? {} : { licenses: [extra.license] }),
    ...(Object.keys(metadata).length === 0 ? {} : { metadata }),
  };
}

const COMMIT = /#([0-9a-f]{40})$/i;
const isGit = (spec: string): boolean => /^(git\+|git:|github:|gitlab:|bitbucket:)/.test(spec);

/** A v1 `version` value: plain, `npm:real@1.2.3` alias, git URL or `file:`. */
function v1Version(name: string, spec: string): { name: string; version: string; commit?: string } {
  const alias = /^npm:((?:@[^/]+\/)?[^@]+)@(.+)$/.exec(spec);
  if (alias?.[1] !== undefined && alias[2] !== undefined)
    return { name: alias[1], version: alias[2] };
  if (isGit(spec) || spec.includes('://'))
    return { name, version: '', commit: COMMIT.exec(spec)?.[1] ?? '' };
  if (spec.startsWith('file:') || spec.startsWith('link:')) return { name, version: '' };
  return { name, version: spec };
}

function walkV1(deps: unknown, out: FoundPackage[], depth: number): void {
  if (!isRecord(deps) || depth > 64) return;
  for (const [key, value] of Object.entries(deps)) {
    if (!isRecord(value)) continue;
    const spec = str(value, 'version') ?? '';
    const { name, version, commit } = v1Version(key, spec);
    out.push(npmPackage(name, version, { dev: value['dev'] === true, commit }));
    walkV1(value['dependencies'], out, depth + 1);
  }
}

function readV2(packages: Record<string, unknown>, out: FoundPackage[]): void {
  for (const [key, value] of Object.entries(packages)) {
    if (key === '' || !isRecord(value) || value['link'] === true) continue;
    const at = key.lastIndexOf('node_modules/');
    // Workspace members (paths outside node_modules) are the project's own code.
    if (at < 0) continue;
    const name = str(value, 'name') ?? key.slice(at + 'node_modules/'.length);
    const resolved = str(value, 'resolved') ?? '';
    const commit = isGit(resolved) ? (COMMIT.exec(resolved)?.[1] ?? '') : undefined;
    out.push(
      npmPackage(name, str(value, 'version') ?? '', {
        dev: value['dev'] === true,
        commit,
        license: str(value, 'license'),
      }),
    );
  }
}

/** Parses `package-lock.json` / `npm-shrinkwrap.json` (lockfile versions 1, 2 and 3). */
export function parsePackageLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const json = parseJson(file, notes);
  if (json === undefined) return [];
  if (!isRecord(json)) {
    addNote(notes, file.path, 'expected a JSON object');
    return [];
  }
  const out: FoundPackage[] = [];
  if (isRecord(json['packages'])) readV2(json['packages'], out);
  else walkV1(json['dependencies'], out, 0);
  return out;
}

/** Parses an installed `node_modules/<name>/package.json`. */
export function parseInstalledPackageJson(
  file: ParsedFile,
  notes: InventoryNote[],
): FoundPackage[] {
  const json = parseJson(file, notes);
  if (!isRecord(json)) return [];
  const name = str(json, 'name');
  const version = str(json, 'version');
  if (name === undefined || version === undefined) {
    addNote(notes, file.path, 'package.json without "name" and "version"');
    return [];
  }
  const license = json['license'];
  const licenseText =
    typeof license === 'string' ? license : isRecord(license) ? str(license, 'type') : undefined;
  return [npmPackage(name, version, { license: licenseText })];
}

const INSTALLED = /\/node_modules\/(?:@[^/]+\/)?[^/@][^/]*\/package\.json$/;
const LOCKS = new Set(['package-lock.json', 'npm-shrinkwrap.json', '.package-lock.json']);

/** Whether a path is a file the npm cataloger reads. */
export function isNpmFile(path: string): boolean {
  return LOCKS.has(baseName(path)) || INSTALLED.test(path);
}

/** npm: package-lock v1–v3, npm-shrinkwrap, and installed `node_modules/**\/package.json`. */
export const npmCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('npm', isNpmFile, (file, notes) =>
    INSTALLED.test(file.path)
      ? parseInstalledPackageJson(file, notes)
      : parsePackageLock(file, notes),
  );
