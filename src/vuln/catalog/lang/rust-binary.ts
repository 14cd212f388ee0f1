import { inflateSync } from 'node:zlib';
import type { InventoryNote } from '../../inventory/types.js';
import {
  addNote,
  fileCataloger,
  isRecord,
  str,
  type FoundPackage,
  type ParsedFile,
} from '../found.js';
import { purl } from '../purl.js';
import { elfSection } from './elf-sections.js';

/** Largest decompressed dependency list accepted (a bomb guard). */
const MAX_JSON = 8 * 1024 * 1024;

/**
 * Crates compiled into an executable built with cargo-auditable: the `.dep-v0` ELF section
 * holds zlib-compressed JSON `{ packages: [{ name, version, source, kind, root }] }`. Only
 * crates.io crates are listed (local and git crates have no registry version); build-time
 * dependencies are marked dev.
 */
export function parseRustBinary(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  let section: Buffer | undefined;
  let doc: unknown;
  try {
    section = elfSection(file.data, '.dep-v0');
    if (section === undefined) return [];
    doc = JSON.parse(inflateSync(section, { maxOutputLength: MAX_JSON }).toString('utf8'));
  } catch (error) {
    addNote(notes, file.path, `cannot read cargo-auditable data: ${(error as Error).message}`);
    return [];
  }
  const packages = isRecord(doc) && Array.isArray(doc['packages']) ? doc['packages'] : [];
  return packages.filter(isRecord).flatMap((pkg): FoundPackage[] => {
    const name = str(pkg, 'name');
    const version = str(pkg, 'version');
    if (name === undefined || version === undefined || str(pkg, 'source') !== 'crates.io')
      return [];
    return [
      {
        name,
        version,
        ecosystem: 'crates.io',
        purl: purl('cargo', undefined, name, version),
        ...(str(pkg, 'kind') === 'build' ? { dev: true } : {}),
      },
    ];
  });
}

/** Executables that may carry cargo-auditable data. */
export const rustBinaryCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger(
    'rust-binary',
    (path, entry) =>
      (entry.mode & 0o111) !== 0 && entry.size > 64 && !/\.(sh|py|pl|rb)$/.test(path),
    parseRustBinary,
  );
