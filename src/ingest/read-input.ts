import { isAscii } from 'node:buffer';
import { close, createReadStream, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import type { IngestIssue } from './types.js';

/** What reading one input produced: its text, or why there is none. */
export type ReadOutcome =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly issue: IngestIssue };

/*
 * The callback API, promisified, rather than fs/promises FileHandles: on directories of many
 * small files FileHandle bookkeeping made reading two to three times slower.
 */
const openFile = promisify(open);
const statFile = promisify(fstat);
const readInto = promisify(read);
const closeFile = promisify(close);

/** How much of a file is inspected to tell text from binary. */
const SNIFF_BYTES = 8192;
/** Share of undecodable characters in the sniffed prefix above which a file is binary. */
const MAX_INVALID_SHARE = 0.1;

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function failure(code: IngestIssue['code'], file: string, message: string): ReadOutcome {
  return { ok: false, issue: { code, severity: 'error', file, message } };
}

function tooLarge(file: string, size: number, limit: number): ReadOutcome {
  return failure(
    'FILE_TOO_LARGE',
    file,
    `${size} bytes is more than the limit of ${limit} bytes; not read (raise --max-file-size to scan it)`,
  );
}

function countReplacements(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\uFFFD'); at !== -1 && at < end; at = text.indexOf('\uFFFD', at + 1))
    count += 1;
  return count;
}

/**
 * Decodes file bytes as text, or reports FILE_BINARY. UTF-16 with a byte order mark (what
 * Windows PowerShell redirection writes) is decoded; a NUL byte or a large share of invalid
 * UTF-8 in the first 8 KiB means binary.
 */
export function decodeText(bytes: Uint8Array, file: string): ReadOutcome {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { ok: true, text: new TextDecoder(encoding).decode(bytes), bytes: bytes.length };
  }
  const sniffed = bytes.subarray(0, SNIFF_BYTES);
  if (sniffed.includes(0))
    return failure('FILE_BINARY', file, 'contains NUL bytes: a binary file, not YAML or JSON');
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Native check: a per-byte callback here cost ~7 ms per 10,000 resources before it warmed up.
  if (!isAscii(sniffed)) {
    const sample = Math.min(text.length, SNIFF_BYTES);
    if (countReplacements(text, sample) > sample * MAX_INVALID_SHARE) {
      return failure(
        'FILE_BINARY',
        file,
        'is mostly not valid UTF-8: a binary file, not YAML or JSON',
      );
    }
  }
  return { ok: true, text, bytes: bytes.length };
}

/** Reads a regular file, refusing (before reading) files larger than `maxBytes`. */
export async function readRegularFile(path: string, maxBytes: number): Promise<ReadOutcome> {
  let descriptor: number;
  try {
    descriptor = await openFile(path, 'r');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT')
      return failure('FILE_UNREADABLE', path, 'disappeared before it could be read');
    return failure('FILE_UNREADABLE', path, `cannot open: ${code ?? String(error)}`);
  }
  try {
    const info = await statFile(descriptor);
    if (!info.isFile())
      return failure('FILE_UNREADABLE', path, 'is no longer a regular file; not read');
    if (info.size > maxBytes) return tooLarge(path, info.size, maxBytes);
    // Reads what stat promised; bytes appended meanwhile belong to a later scan.
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await readInto(
        descriptor,
        bytes,
        filled,
        bytes.length - filled,
        filled,
      );
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeText(bytes.subarray(0, filled), path);
  } catch (error) {
    return failure('FILE_UNREADABLE', path, `cannot read: ${errorCode(error) ?? String(error)}`);
  } finally {
    await closeFile(descriptor).catch(() => undefined);
  }
}

/** Reads a pipe or device named explicitly (e.g. `<(helm template …)`), up to `maxBytes`. */
export async function readStream(path: string, maxBytes: number): Promise<ReadOutcome> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) return tooLarge(path, total, maxBytes);
      chunks.push(buffer);
    }
  } catch (error) {
    return failure('FILE_UNREADABLE', path, `cannot read: ${errorCode(error) ?? String(error)}`);
  }
  return decodeText(Buffer.concat(chunks), path);
}

/** Reads standard input through the caller's reader, applying the same limits as files. */
export async function readStdinText(
  read: (() => Promise<string>) | undefined,
  maxBytes: number,
): Promise<ReadOutcome> {
  if (read === undefined)
    return failure('FILE_UNREADABLE', '-', 'standard input is not available here');
  let text: string;
  try {
    text = await read();
  } catch (error) {
    return failure(
      'FILE_UNREADABLE',
      '-',
      `cannot read standard input: ${errorCode(error) ?? String(error)}`,
    );
  }
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes) return tooLarge('-', bytes, maxBytes);
  if (text.slice(0, SNIFF_BYTES).includes('\0'))
    return failure('FILE_BINARY', '-', 'contains NUL bytes: binary input, not YAML or JSON');
  return { ok: true, text, bytes };
}
