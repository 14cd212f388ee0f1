import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { CubecapeError } from '../../core/errors.js';
import { DEFAULT_ZIP_LIMITS, zipEntries } from './zip-reader.js';

/** One parsed document, or why a file or archive entry could not be read. */
export type SourceItem =
  | { readonly file: string; readonly document: unknown }
  | { readonly file: string; readonly reason: string };

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
      kind === 'json' ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA });
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

function* zipItems(path: string, data: Buffer): Generator<SourceItem> {
  for (const item of zipEntries(data, DEFAULT_ZIP_LIMITS)) {
    if ('reason' in item) {
      yield { file: item.name === '' ? path : `${path}!${item.name}`, reason: item.reason };
      continue;
    }
    const kind = kindOf(item.name);
    if (kind === 'json' || kind === 'yaml')
      yield* parseText(item.data.toString('utf8'), kind, `${path}!${item.name}`);
  }
}

function* fileItems(path: string, kind: Kind, size: number): Generator<SourceItem> {
  const limit = kind === 'zip' ? MAX_ZIP_BYTES : MAX_FILE_BYTES;
  if (size > limit) {
    yield { file: path, reason: `larger than ${limit} bytes` };
    return;
  }
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (error) {
    yield {
      file: path,
      reason: `unreadable: ${error instanceof Error ? error.message : String(error)}`,
    };
    return;
  }
  if (kind === 'zip') yield* zipItems(path, data);
  else yield* parseText(data.toString('utf8'), kind, path);
}

function* walk(directory: string): Generator<SourceItem> {
  const names = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) {
      const kind = kindOf(path);
      if (kind !== undefined) yield* fileItems(path, kind, statSync(path).size);
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
      if (kind === undefined)
        yield { file: path, reason: 'expected a .json, .yaml, .yml or .zip file' };
      else yield* fileItems(path, kind, stats.size);
    }
  }
}
