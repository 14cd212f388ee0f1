import type { InventoryNote } from '../../inventory/types.js';
import { addNote, fileCataloger, type FoundPackage, type ParsedFile } from '../found.js';
import { purl } from '../purl.js';

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const ELF = Buffer.from('\x7fELF', 'latin1');

/** Reads an unsigned LEB128 varint; `undefined` past the end. */
function uvarint(data: Buffer, at: number): { value: number; next: number } | undefined {
  let value = 0;
  for (let shift = 0, i = at; i < data.length && shift < 35; i++, shift += 7) {
    const byte = data[i] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
  }
  return undefined;
}

function lengthPrefixed(data: Buffer, at: number): { text: string; next: number } | undefined {
  const length = uvarint(data, at);
  if (length === undefined || length.next + length.value > data.length) return undefined;
  return {
    text: data.toString('utf8', length.next, length.next + length.value),
    next: length.next + length.value,
  };
}

/** The Go version and module info strings of a binary, or why they cannot be read. */
export function readBuildInfo(
  data: Buffer,
): { goVersion: string; modinfo: string } | { problem: string } | undefined {
  const at = data.indexOf(MAGIC);
  if (at < 0 || at + 32 > data.length) return undefined;
  const flags = data[at + 15] ?? 0;
  if ((flags & 2) === 0)
    return { problem: 'Go build info in the pre-1.18 pointer format is not supported' };
  const version = lengthPrefixed(data, at + 32);
  const modinfo = version === undefined ? undefined : lengthPrefixed(data, version.next);
  if (version === undefined || modinfo === undefined)
    return { problem: 'Go build info is truncated' };
  // The module info is framed by 16-byte sentinels.
  const text = modinfo.text.length >= 32 ? modinfo.text.slice(16, -16) : '';
  return { goVersion: version.text, modinfo: text };
}

function goPackage(path: string, version: string): FoundPackage {
  const slash = path.lastIndexOf('/');
  return {
    name: path,
    version: version.replace(/^v/, ''),
    ecosystem: 'Go',
    purl:
      slash > 0
        ? purl('golang', path.slice(0, slash), path.slice(slash + 1), version)
        : `pkg:golang/${encodeURIComponent(path)}@${encodeURIComponent(version)}`,
  };
}

/** Go modules compiled into an executable (ELF), from its embedded build info. */
export function parseGoBinary(file: ParsedFile, notes: InventoryNote[]): FoundPackage[] {
  if (!file.data.subarray(0, 4).equals(ELF)) return [];
  const info = readBuildInfo(file.data);
  if (info === undefined) return [];
  if ('problem' in info) {
    addNote(notes, file.path, info.problem);
    return [];
  }
  const out: FoundPackage[] = [];
  for (const line of info.modinfo.split('\n')) {
    const [kind, path, version] = line.split('\t');
    if (path === undefined || version === undefined) continue;
    if ((kind === 'mod' && version !== '(devel)') || kind === 'dep')
      out.push(goPackage(path, version));
    // `=>` replaces the dependency on the line before it.
    if (kind === '=>' && out.length > 0) out[out.length - 1] = goPackage(path, version);
  }
  const go = /^go(\d+(?:\.\d+)*)/.exec(info.goVersion)?.[1];
  if (go !== undefined) out.push({ ...goPackage('stdlib', `v${go}`), name: 'stdlib' });
  return out.map((pkg) => ({ ...pkg, metadata: { goVersion: info.goVersion } }));
}

/** Executables (any execute bit) that may be Go binaries. */
export const goBinaryCataloger = (): ReturnType<typeof fileCataloger> =>
  fileCataloger(
    'go-binary',
    (path, entry) =>
      (entry.mode & 0o111) !== 0 && entry.size > 1024 && !/\.(sh|py|pl|rb)$/.test(path),
    parseGoBinary,
  );
