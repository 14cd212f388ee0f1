import type { InventoryNote } from '../../inventory/types.js';
import { readZip, type ZipEntry } from '../../db/zip-reader.js';
import { addNote, baseName, fileCataloger, type FoundPackage, type ParsedFile } from '../found.js';
import { purl } from '../purl.js';

const ARCHIVE = /\.(jar|war|ear|jpi|hpi|par|sar)$/i;
/** How deep archives inside archives are opened (a war's `WEB-INF/lib/*.jar` is depth 1). */
const MAX_DEPTH = 2;
/** Bounds per archive: entries are held in memory while an archive is read. */
const LIMITS = { maxEntryBytes: 64 * 1024 * 1024, maxEntries: 200_000 };

/** `key=value` lines of a `pom.properties` (comments and blanks ignored). */
function properties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([^#!=:\s]+)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) out.set(match[1], match[2]);
  }
  return out;
}

/** Main attributes of a `META-INF/MANIFEST.MF` (72-byte lines continue with a leading space). */
function manifest(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    if (line.startsWith(' ') && last !== undefined) {
      out.set(last, (out.get(last) ?? '') + line.slice(1));
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim();
    out.set(last, line.slice(colon + 1).trim());
  }
  return out;
}

function mavenPackage(
  group: string | undefined,
  artifact: string,
  version: string,
  path: string,
): FoundPackage {
  return {
    name: group === undefined ? artifact : `${group}:${artifact}`,
    version,
    ecosystem: 'Maven',
    purl: purl('maven', group, artifact, version),
    metadata: { archive: path, ...(group === undefined ? {} : { groupId: group }) },
  };
}

function fromManifest(entries: readonly ZipEntry[], path: string): FoundPackage | undefined {
  const entry = entries.find((e) => e.name === 'META-INF/MANIFEST.MF');
  const attributes =
    entry === undefined ? new Map<string, string>() : manifest(entry.data.toString('utf8'));
  const version = attributes.get('Implementation-Version') ?? attributes.get('Bundle-Version');
  const title =
    attributes.get('Bundle-SymbolicName')?.split(';', 1)[0] ??
    attributes.get('Implementation-Title');
  // Fall back to `name-1.2.3.jar` when the manifest says nothing useful.
  const fromName = /^(.+?)-(\d[\w.-]*)\.[a-z]+$/i.exec(baseName(path));
  const name = title ?? fromName?.[1];
  const ver = version ?? fromName?.[2];
  if (name === undefined || ver === undefined) return undefined;
  const group = title?.includes('.') === true ? title.slice(0, title.lastIndexOf('.')) : undefined;
  const artifact = group === undefined ? name : name.slice(group.length + 1);
  return mavenPackage(group, artifact, ver, path);
}

function readArchive(
  path: string,
  data: Buffer,
  depth: number,
  notes: InventoryNote[],
  out: FoundPackage[],
): void {
  const { entries, problems } = readZip(data, LIMITS);
  for (const problem of problems)
    addNote(
      notes,
      path.split('!/', 1)[0] ?? path,
      `${path}${problem.name === '' ? '' : `!/${problem.name}`}: ${problem.reason}`,
    );
  const poms = entries.filter((e) =>
    /^META-INF\/maven\/[^/]+\/[^/]+\/pom\.properties$/.test(e.name),
  );
  for (const pom of poms) {
    const props = properties(pom.data.toString('utf8'));
    const [group, artifact, version] = [
      props.get('groupId'),
      props.get('artifactId'),
      props.get('version'),
    ];
    if (group === undefined || artifact === undefined || version === undefined) {
      addNote(
        notes,
        path.split('!/', 1)[0] ?? path,
        `${path}!/${pom.name}: expected groupId, artifactId and version`,
      );
      continue;
    }
    out.push(mavenPackage(group, artifact, version, path));
  }
  if (poms.length === 0 && entries.length > 0) {
    const found = fromManifest(entries, path);
    if (found !== undefined) out.push(found);
  }
  if (depth >= MAX_DEPTH) return;
  for (const entry of entries)
    if (ARCHIVE.test(entry.name))
      readArchive(`${path}!/${entry.name}`, entry.data, depth + 1, notes, out);
}

/** Reads Maven coordinates from a Java archive and the archives nested in it. */
export function parseJavaArchive(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  const out: FoundPackage[] = [];
  readArchive(file.path, file.data, 0, notes, out);
  return out;
}

/** Java: jar/war/ear (pom.properties, MANIFEST.MF fallback, nested archives to depth 2). */
export const javaCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger('java', (path) => ARCHIVE.test(path), parseJavaArchive);
