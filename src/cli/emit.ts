import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CubecapeError, locationPrefix } from '../core/errors.js';
import { loadFormatter } from '../report/formatters/load.js';
import { FORMAT_EXTENSIONS, type FormatName } from '../report/formatters/names.js';
import type { FormatContext } from '../report/formatters/types.js';
import { jsonChunks } from '../report/formatters/json.js';
import type { ReportError, ScanReport } from '../report/scan-report.js';
import { colorEnabled, type CliIO } from './io.js';

/** Base name of report files written into an output directory. */
export const REPORT_BASENAME = 'cubecape-report';

export interface EmitOptions {
  readonly formats: readonly FormatName[];
  readonly output?: string | undefined;
  readonly color?: boolean | undefined;
  readonly verbose: boolean;
  readonly junitBy?: 'control' | 'resource';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Writes all of `text` at the file's current offset, however many write calls that takes. */
function writeAll(fd: number, text: string): void {
  // Strings go to writeSync as they are (no Buffer copy); a short write, which regular files
  // only see when the disk fills up, continues from the exact byte it stopped at.
  const written = writeSync(fd, text);
  const bytes = Buffer.byteLength(text);
  if (written === bytes) return;
  const rest = Buffer.from(text).subarray(written);
  for (let at = 0; at < rest.length;) {
    const more = writeSync(fd, rest, at);
    // A regular file either takes bytes or fails with an error; never spin on a write of nothing.
    if (more <= 0) throw new Error(`the report file accepted no more bytes after ${written + at}`);
    at += more;
  }
}

/**
 * Writes via a temporary file and a rename, so an interrupted run never leaves half a report.
 * Synchronous: the chunks are produced synchronously anyway, and a promise per megabyte chunk
 * cost more than the writes themselves on large reports.
 */
function writeAtomically(path: string, chunks: Iterable<string>): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const chunk of chunks) writeAll(fd, chunk);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, path);
}

/** A format's text, in pieces where the format can be produced that way (large JSON reports). */
async function render(
  format: FormatName,
  report: ScanReport,
  context: FormatContext,
): Promise<Iterable<string>> {
  if (format === 'json') return jsonChunks(report);
  const formatter = await loadFormatter(format);
  return [formatter(report, context)];
}

/** Where each format goes: stdout (undefined) or a file path. */
async function destinations(
  options: EmitOptions,
  cwd: string,
): Promise<Map<FormatName, string | undefined>> {
  const output =
    options.output === undefined || options.output === '-'
      ? undefined
      : resolve(cwd, options.output);
  const result = new Map<FormatName, string | undefined>();
  if (options.formats.length === 1) {
    const [format] = options.formats as [FormatName];
    const inDirectory = output !== undefined && (await isDirectory(output));
    result.set(
      format,
      inDirectory ? join(output, REPORT_BASENAME + FORMAT_EXTENSIONS[format]) : output,
    );
    return result;
  }
  if (output === undefined) {
    throw new CubecapeError(
      'USAGE',
      `writing ${options.formats.length} formats (${options.formats.join(', ')}) needs an output directory: add -o DIR`,
    );
  }
  await mkdir(output, { recursive: true });
  for (const format of options.formats)
    result.set(format, join(output, REPORT_BASENAME + FORMAT_EXTENSIONS[format]));
  return result;
}

function describeError(error: ReportError): string {
  return `${locationPrefix(error)}${error.severity}: ${error.message} [${error.code}]`;
}

/**
 * Renders the report in every requested format and writes each to stdout or its file. Input
 * errors go to stderr unless the terminal report on stdout already shows them.
 */
export async function emitReport(
  report: ScanReport,
  options: EmitOptions,
  io: CliIO,
): Promise<void> {
  const targets = await destinations(options, io.cwd);
  const width = (io.stdout as { columns?: number }).columns ?? 100;
  for (const [format, path] of targets) {
    const color =
      options.color ?? (path === undefined && format === 'pretty' && colorEnabled(io, io.stdout));
    const chunks = await render(format, report, {
      color: path === undefined ? color : false,
      width,
      verbose: options.verbose,
      ...(options.junitBy === undefined ? {} : { junitBy: options.junitBy }),
      cwd: io.cwd,
    });
    if (path === undefined) for (const chunk of chunks) io.stdout.write(chunk);
    else writeAtomically(path, chunks);
  }
  const prettyOnStdout = targets.get('pretty') === undefined && targets.has('pretty');
  if (!prettyOnStdout) {
    for (const error of report.errors)
      if (error.severity === 'error') io.stderr.write(`${describeError(error)}\n`);
  }
}
