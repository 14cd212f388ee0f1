import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { CubecapeError, type ErrorCode } from '../core/errors.js';
import { parseReportJson, type ComparableReport } from '../engine/baseline.js';
import type { ExceptionText } from '../engine/exceptions/types.js';
import { readRegularFile } from '../ingest/read-input.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/types.js';

/** Extensions read from an exceptions directory. */
const EXCEPTION_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

function errno(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

async function readText(file: string, cwd: string, code: ErrorCode, what: string): Promise<string> {
  const absolute = resolve(cwd, file);
  let isFile: boolean;
  try {
    isFile = (await stat(absolute)).isFile();
  } catch (error) {
    const why =
      errno(error) === 'ENOENT'
        ? 'no such file'
        : `cannot read it (${errno(error) ?? 'unknown error'})`;
    throw new CubecapeError(code, `${what}: ${why}`, { file, cause: error });
  }
  if (!isFile) throw new CubecapeError(code, `${what}: expected a file`, { file });
  const outcome = await readRegularFile(absolute, DEFAULT_MAX_FILE_BYTES);
  if (!outcome.ok) throw new CubecapeError(code, `${what}: ${outcome.issue.message}`, { file });
  return outcome.text;
}

/** Reads and validates a ScanReport JSON file (`--baseline`, `cubecape diff`); errors exit 2. */
export async function readReportFile(
  file: string,
  cwd: string,
  role: string,
): Promise<ComparableReport> {
  const text = await readText(
    file,
    cwd,
    'REPORT_INVALID',
    `${role}: expected a ScanReport JSON file (cubecape scan -f json)`,
  );
  return parseReportJson(text, file);
}

async function filesUnder(directory: string, shown: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries
    .filter(
      (entry) =>
        entry.isFile() &&
        EXCEPTION_EXTENSIONS.has(extname(entry.name).toLowerCase()) &&
        !entry.name.startsWith('.'),
    )
    .map((entry) => join(shown, entry.parentPath.slice(directory.length), entry.name))
    .sort();
}

/**
 * Reads `--exceptions` inputs: files as given, directories recursively (`.yaml`, `.yml`,
 * `.json`, sorted by path so the first-match order is stable). A missing path is a usage error.
 */
export async function readExceptionFiles(
  paths: readonly string[],
  cwd: string,
): Promise<ExceptionText[]> {
  const texts: ExceptionText[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let directory: boolean;
    try {
      directory = (await stat(absolute)).isDirectory();
    } catch (error) {
      throw new CubecapeError('EXCEPTION_INVALID', 'exceptions: no such file or directory', {
        file: path,
        cause: error,
      });
    }
    const files = directory ? await filesUnder(absolute, path) : [path];
    for (const file of files) {
      texts.push({ file, text: await readText(file, cwd, 'EXCEPTION_INVALID', 'exceptions') });
    }
  }
  return texts;
}
