import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import { DEFAULT_ZIP_LIMITS, zipEntryRefs } from './zip-reader.js';
import { jsYaml } from '../../core/lazy-require.js';

/** One parsed document, or why a file or archive entry could not be read. */
export type SourceItem =
  | { readonly file: string; readonly document: unknown }
  | { readonly file: string; readonly reason: string };

/**
 * One file or zip entry, found but not yet read: {@link SourceUnit.load} reads and parses it.
 * Finding units is cheap, so several import workers can each walk every source and load only
 * the units they were given.
 */
export interface SourceUnit {
  readonly load: () => SourceItem[];
}

const MAX_FILE_BYTES = 16 * 1024 * 1024;
const MAX_ZIP_BYTES = 1024 * 1024 * 1024;

type Kind = 'json' | 'yaml' | 'zip';

function kindOf(path: string): Kind | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.zip') return 'zip';
  return undefined;
}

/**
 * Parses one JSON or YAML text. YAML uses the core schema: timestamps stay strings (OSV
 * compares them as text) and there are no custom tags.
 */
function parseText(text: string, kind: 'json' | 'yaml', file: string): SourceItem[] {
  try {
    const parsed: unknown =
      kind === 'json' ? JSON.parse(text) : jsYaml().load(text, { schema: jsYaml().CORE_SCHEMA });
    // Some exports bundle many records in one JSON list.
    if (Array.isArray(parsed)) return parsed.map((document: unknown) => ({ file, document }));
    return [{ file, document: parsed }];
  } catch (error) {
    const what = kind === 'json' ? 'JSON' : 'YAML';
    return [
      {
        file,
        reason: `invalid ${what}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
      },
    ];
  }
}

const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const reasonUnit = (file: string, reason: string): SourceUnit => ({
  load: () => [{ file, reason }],
});

function* zipUnits(path: string, data: Buffer): Generator<SourceUnit> {
  for (const item of zipEntryRefs(data, DEFAULT_ZIP_LIMITS)) {
    if ('reason' in item) {
      yield reasonUnit(item.name === '' ? path : `${path}!${item.name}`, item.reason);
      continue;
    }
    const kind = kindOf(item.name);
    if (kind !== 'json' && kind !== 'yaml') continue;
    const file = `${path}!${item.name}`;
    yield {
      load: () => {
        let bytes: Buffer;
        try {
          bytes = item.read();
        } catch (error) {
          return [{ file, reason: errorText(error) }];
        }
        return parseText(bytes.toString('utf8'), kind, file);
      },
    };
  }
}

function readFile(path: string): Buffer | string {
  try {
    return readFileSync(path);
  } catch (error) {
    return `unreadable: ${errorText(error)}`;
  }
}

function* fileUnits(path: string, kind: Kind, size: number): Generator<SourceUnit> {
  const limit = kind === 'zip' ? MAX_ZIP_BYTES : MAX_FILE_BYTES;
  if (size > limit) {
    yield reasonUnit(path, `larger than ${limit} bytes`);
    return;
  }
  if (kind !== 'zip') {
    yield {
      load: () => {
        const data = readFile(path);
        return typeof data === 'string'
          ? [{ file: path, reason: data }]
          : parseText(data.toString('utf8'), kind, path);
      },
    };
    return;
  }
  // The archive is read as it is found: its entries are the units.
  const data = readFile(path);
  if (typeof data === 'string') yield reasonUnit(path, data);
  else yield* zipUnits(path, data);
}

function* walk(directory: string): Generator<SourceUnit> {
  const names = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) {
      const kind = kindOf(path);
      if (kind !== undefined) yield* fileUnits(path, kind, statSync(path).size);
    }
  }
}

/**
 * The files and zip entries under `paths`, in the order {@link readOsvSources} reads them; see
 * there. A missing path throws `PATH_NOT_FOUND` when the walk reaches it.
 */
export function* osvSourceUnits(paths: readonly string[]): Generator<SourceUnit> {
  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      throw new CubecapeError(
        'PATH_NOT_FOUND',
        `expected an OSV file, directory or zip, found nothing at ${path}`,
        {
          file: path,
          cause: error,
        },
      );
    }
    if (stats.isDirectory()) yield* walk(path);
    else {
      const kind = kindOf(path);
      if (kind === undefined) yield reasonUnit(path, 'expected a .json, .yaml, .yml or .zip file');
      else yield* fileUnits(path, kind, stats.size);
    }
  }
}

/**
 * Every OSV document under `paths`: JSON and YAML files, directories of them (recursively,
 * hidden entries skipped, sorted for a stable order) and zip archives such as the per-ecosystem
 * `all.zip` exports. Unparseable files become items with a reason; a missing path throws
 * `PATH_NOT_FOUND`, because that is a usage mistake rather than bad data.
 */
export function* readOsvSources(paths: readonly string[]): Generator<SourceItem> {
  for (const unit of osvSourceUnits(paths)) yield* unit.load();
}
