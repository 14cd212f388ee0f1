/**
 * Reads chart archives (`.tgz`): gunzip with a size cap, then a minimal ustar/pax reader that keeps
 * regular files only and refuses anything that could escape the chart or exhaust memory.
 */
import { gunzipSync } from 'node:zlib';
import { CubecapeError } from '../../../core/errors.js';

/** Budgets for one archive; defaults suit real charts with a wide margin. */
export interface ArchiveLimits {
  /** Decompressed size of the whole archive. Default 64 MiB. */
  readonly maxTotalBytes?: number;
  /** Size of one file inside. Default 8 MiB. */
  readonly maxEntryBytes?: number;
  /** Number of entries. Default 10 000. */
  readonly maxEntries?: number;
}

/** One regular file of an archive, path normalised to `a/b/c` (no leading `./`). */
export interface ArchiveFile {
  readonly path: string;
  readonly data: Buffer;
}

const BLOCK = 512;

function fail(file: string, message: string): never {
  throw new CubecapeError('FILE_UNREADABLE', `chart archive: ${message}`, { file });
}

function cString(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number, file: string): number {
  const text = cString(block, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text))
    fail(file, `bad octal number ${JSON.stringify(text)} in a tar header`);
  return parseInt(text, 8);
}

/** `path=...` records of a pax extended header. */
function paxPath(data: Buffer): string | undefined {
  let at = 0;
  let found: string | undefined;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    if (space === -1) break;
    const length = parseInt(data.subarray(at, space).toString('ascii'), 10);
    if (!Number.isFinite(length) || length <= 0) break;
    const record = data.subarray(space + 1, at + length - 1).toString('utf8');
    if (record.startsWith('path=')) found = record.slice('path='.length);
    at += length;
  }
  return found;
}

/** A safe relative path, or an error naming why the entry is refused. */
export function safeEntryPath(name: string, file: string): string {
  if (name.includes('\0')) fail(file, 'an entry name contains a NUL byte');
  const slashed = name.replaceAll('\\', '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed))
    fail(file, `absolute path ${JSON.stringify(name)} refused`);
  const parts = slashed.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.includes('..')) fail(file, `path traversal in ${JSON.stringify(name)} refused`);
  return parts.join('/');
}

/**
 * Gunzips and untars `bytes`. Directories are skipped; symbolic and hard links, devices, absolute
 * paths and `..` are refused, as Helm's loader does; sizes are capped before anything is copied.
 */
export function readChartArchive(
  bytes: Uint8Array,
  file: string,
  limits: ArchiveLimits = {},
): ArchiveFile[] {
  const maxTotal = limits.maxTotalBytes ?? 64 * 1024 * 1024;
  const maxEntry = limits.maxEntryBytes ?? 8 * 1024 * 1024;
  const maxEntries = limits.maxEntries ?? 10_000;
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes, { maxOutputLength: maxTotal });
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'ERR_BUFFER_TOO_LARGE')
      fail(file, `decompresses to more than ${String(maxTotal)} bytes`);
    return fail(file, `not a gzip archive (${error instanceof Error ? error.message : ''})`);
  }
  const files: ArchiveFile[] = [];
  let at = 0;
  let entries = 0;
  let longName: string | undefined;
  while (at + BLOCK <= tar.length) {
    const header = tar.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (++entries > maxEntries) fail(file, `more than ${String(maxEntries)} entries`);
    const size = octal(header, 124, 12, file);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = at + BLOCK;
    const dataEnd = dataStart + size;
    if (dataEnd > tar.length) fail(file, 'truncated archive');
    at = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    const data = tar.subarray(dataStart, dataEnd);
    if (type === 'x' || type === 'L') {
      longName = type === 'x' ? paxPath(data) : cString(data, 0, data.length);
      continue;
    }
    if (type === 'g') continue;
    const prefix = cString(header, 345, 155);
    const name =
      longName ??
      (prefix === '' ? cString(header, 0, 100) : `${prefix}/${cString(header, 0, 100)}`);
    longName = undefined;
    if (type === '5') continue;
    if (type === '1' || type === '2') fail(file, `link ${JSON.stringify(name)} refused`);
    if (type !== '0' && type !== '\0' && type !== '7')
      fail(
        file,
        `entry ${JSON.stringify(name)} is not a regular file (type ${JSON.stringify(type)})`,
      );
    if (size > maxEntry)
      fail(file, `entry ${JSON.stringify(name)} is larger than ${String(maxEntry)} bytes`);
    const path = safeEntryPath(name, file);
    if (path !== '') files.push({ path, data: Buffer.from(data) });
  }
  return files;
}
