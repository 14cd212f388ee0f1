import type {
  Cataloger,
  CatalogerId,
  Distro,
  FileEntry,
  InventoryNote,
  Package,
  PackageLocation,
} from '../inventory/types.js';

/** A package as a parser sees it: everything but where it was found and by whom. */
export type FoundPackage = Omit<Package, 'locations' | 'foundBy'>;

/** What every cataloger can ask the orchestrator while it works. */
export interface CatalogContext {
  /** The distro read from os-release; known by the time `finish` runs. */
  distro(): Distro | undefined;
}

/** A parser of one file: returns the packages the file declares, adding notes for bad data. */
export type FileParser = (file: ParsedFile, notes: InventoryNote[]) => FoundPackage[];

/** One file handed to a {@link FileParser}. */
export interface ParsedFile {
  readonly path: string;
  readonly data: Buffer;
  readonly text: string;
}

/** Where an entry was found, with its layer when the tree has one. */
export function locationOf(entry: FileEntry): PackageLocation {
  return entry.layer === undefined
    ? { path: entry.path }
    : { path: entry.path, layer: entry.layer };
}

/** Adds a note naming the file, and the line when known. */
export function addNote(
  notes: InventoryNote[],
  path: string,
  message: string,
  line?: number,
): void {
  notes.push({ path, message: line === undefined ? message : `line ${line}: ${message}` });
}

/** The last segment of a POSIX path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * A cataloger made of independent per-file parsers: each wanted file is parsed on its own, and
 * every package it yields is located at that file. Parser exceptions become notes.
 */
export function fileCataloger(
  id: CatalogerId,
  wants: (path: string, entry: FileEntry) => boolean,
  parse: FileParser,
): Cataloger {
  const found: Package[] = [];
  return {
    id,
    wants: (entry) => entry.type === 'file' && wants(entry.path, entry),
    visit(entry, data, notes) {
      // The text is decoded on demand: binary formats (jars) never need it.
      const file: ParsedFile = {
        path: entry.path,
        data,
        get text() {
          return data.toString('utf8');
        },
      };
      let packages: FoundPackage[];
      try {
        packages = parse(file, notes);
      } catch (error) {
        addNote(notes, entry.path, `could not read ${id} data: ${(error as Error).message}`);
        return;
      }
      const location = locationOf(entry);
      for (const pkg of packages) found.push({ ...pkg, foundBy: id, locations: [location] });
    },
    finish: () => found,
  };
}

/** Parses JSON, or adds a note naming the file and returns `undefined`. */
export function parseJson(file: ParsedFile, notes: InventoryNote[]): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (error) {
    addNote(notes, file.path, `expected JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string property, or `undefined`. */
export function str(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' ? value : undefined;
}
