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
import { pep503, purl } from '../purl.js';
import { parseToml, TomlError, type TomlTable } from '../../../core/toml.js';

/** A PyPI package with its PEP 503 normalised name. */
export function pypiPackage(
  name: string,
  version: string,
  extra: { dev?: boolean; licenses?: readonly string[] } = {},
): FoundPackage {
  const normal = pep503(name);
  return {
    name: normal,
    version,
    ecosystem: 'PyPI',
    purl: purl('pypi', undefined, normal, version),
    ...(extra.dev === true ? { dev: true } : {}),
    ...(extra.licenses !== undefined && extra.licenses.length > 0
      ? { licenses: extra.licenses }
      : {}),
  };
}

/** Installed distribution metadata: `*.dist-info/METADATA`, `*.egg-info/PKG-INFO`. */
export function parseCoreMetadata(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const headers = new Map<string, string>();
  for (const line of file.text.split(/\r?\n/)) {
    // The header block ends at the first blank line; the description follows.
    if (line === '') break;
    const match = /^([A-Za-z-]+):\s?(.*)$/.exec(line);
    if (match?.[1] !== undefined && !headers.has(match[1].toLowerCase()))
      headers.set(match[1].toLowerCase(), match[2] ?? '');
  }
  const name = headers.get('name');
  const version = headers.get('version');
  if (name === undefined || version === undefined || name === '' || version === '') {
    addNote(notes, file.path, 'expected "Name:" and "Version:" headers in Python package metadata');
    return [];
  }
  const license = headers.get('license-expression') ?? headers.get('license');
  const licenses =
    license === undefined || license === '' || license === 'UNKNOWN' ? [] : [license];
  return [pypiPackage(name, version.trim(), { licenses })];
}

function tomlOf(file: ParsedFile, notes: InventoryNote[]): TomlTable | undefined {
  try {
    return parseToml(file.text);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    addNote(notes, file.path, `expected TOML: ${error.message}`);
    return undefined;
  }
}

const tables = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter(isRecord) : [];

/** `poetry.lock`: `[[package]]` name/version; `category = "dev"` or `groups` without main. */
export function parsePoetryLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = tomlOf(file, notes);
  if (doc === undefined) return [];
  return tables(doc['package']).flatMap((pkg) => {
    const name = str(pkg, 'name');
    const version = str(pkg, 'version');
    if (name === undefined || version === undefined) return [];
    const groups = Array.isArray(pkg['groups']) ? pkg['groups'] : undefined;
    const dev =
      str(pkg, 'category') === 'dev' || (groups !== undefined && !groups.includes('main'));
    const source = isRecord(pkg['source']) ? pkg['source'] : {};
    const commit = str(source, 'type') === 'git' ? str(source, 'resolved_reference') : undefined;
    const found = pypiPackage(name, version, { dev });
    return [commit === undefined ? found : { ...found, metadata: { commit } }];
  });
}

/** `uv.lock`: `[[package]]`, leaving out the project itself (editable / virtual sources). */
export function parseUvLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = tomlOf(file, notes);
  if (doc === undefined) return [];
  return tables(doc['package']).flatMap((pkg) => {
    const name = str(pkg, 'name');
    const version = str(pkg, 'version');
    const source = isRecord(pkg['source']) ? pkg['source'] : {};
    if ('editable' in source || 'virtual' in source) return [];
    if (name === undefined || version === undefined) return [];
    return [pypiPackage(name, version)];
  });
}

/** `Pipfile.lock`: `default` and `develop` sections, versions `==1.2.3`. */
export function parsePipfileLock(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const doc = parseJson(file, notes);
  if (doc === undefined) return [];
  if (!isRecord(doc)) {
    addNote(notes, file.path, 'expected a JSON object');
    return [];
  }
  const out: FoundPackage[] = [];
  for (const [section, dev] of [
    ['default', false],
    ['develop', true],
  ] as const) {
    const entries = doc[section];
    if (!isRecord(entries)) continue;
    for (const [name, entry] of Object.entries(entries)) {
      const version = isRecord(entry) ? str(entry, 'version') : undefined;
      if (version === undefined || !version.startsWith('==')) continue;
      out.push(pypiPackage(name, version.replace(/^=+/, ''), { dev }));
    }
  }
  return out;
}

const INSTALLED = /\.(dist-info\/METADATA|egg-info\/PKG-INFO|egg-info)$/;
const LOCKS: Readonly<
  Record<string, (file: ParsedFile, notes: InventoryNote[]) => FoundPackage[]>
> = {
  'poetry.lock': parsePoetryLock,
  'uv.lock': parseUvLock,
  'Pipfile.lock': parsePipfileLock,
};

/** Python: installed dist-info / egg-info metadata, poetry.lock, uv.lock, Pipfile.lock. */
export const pythonCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger(
    'python',
    (path) => INSTALLED.test(path) || baseName(path) in LOCKS,
    (file, notes) => (LOCKS[baseName(file.path)] ?? parseCoreMetadata)(file, notes),
  );
