import { createHash, randomBytes } from 'node:crypto';
import { readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { Command, type CommandUnknownOpts } from '@commander-js/extra-typings';
import {
  CubecapeError,
  describeError,
  ERROR_CODES,
  isCubecapeError,
  locationPrefix,
} from '../core/errors.js';
import { builtinControls } from '../controls/index.js';
import { evaluate } from '../engine/evaluate.js';
import { EXIT, type ExitCode } from '../engine/gate.js';
import { selectControls } from '../engine/select.js';
import { builtinFrameworks } from '../frameworks/index.js';
import { ingestPaths } from '../ingest/ingest.js';
import { DEFAULT_MAX_FILE_BYTES, type IngestIssue } from '../ingest/types.js';
import { buildScanContext } from '../model/build-context.js';
import { DEFAULT_SCAN_SETTINGS } from '../model/context.js';
import { fixText, type PatchOutcome } from '../fix/fix-text.js';
import { planFixes, type FilePlan, type FixNote } from '../fix/plan.js';
import { unifiedDiff } from '../fix/unified-diff.js';
import { loadControlsSettings } from './controls-config.js';
import type { CliIO } from './io.js';
import { collectList, collectRepeat, parseSize } from './options.js';

/** Parsed `cubecape fix` options. */
export type FixOptions = ReturnType<ReturnType<typeof fixCommandDefinition>['opts']>;

/** What a fix run did, per file and overall; the CLI prints it and derives the exit code. */
export interface FixSummary {
  readonly code: ExitCode;
  readonly reason: string;
}

interface FileResult {
  readonly file: string;
  readonly outcomes: readonly PatchOutcome[];
  readonly changed: boolean;
}

interface RunState {
  readonly io: CliIO;
  readonly options: FixOptions;
  readonly errors: CubecapeError[];
  readonly results: FileResult[];
  stdinText: string | undefined;
}

/** Hex sha256 of file contents, the identity {@link writeAtomically} compares. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Decodes a file for editing: UTF-8 only, since anything else could not be written back byte for byte. */
function decodeForEdit(bytes: Uint8Array, file: string): string {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    throw new CubecapeError(
      'FILE_UNREADABLE',
      'UTF-16 files are not edited; convert the file to UTF-8 to fix it',
      { file },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new CubecapeError('FILE_UNREADABLE', 'the file is not valid UTF-8, so it is not edited', {
      file,
      cause: error,
    });
  }
}

async function readSource(file: string): Promise<{ text: string; hash: string; target: string }> {
  try {
    const target = await realpath(file);
    const bytes = await readFile(target);
    return { text: decodeForEdit(bytes, file), hash: sha256(bytes), target };
  } catch (error) {
    if (isCubecapeError(error)) throw error;
    throw new CubecapeError('FILE_UNREADABLE', `cannot read the file: ${describeError(error)}`, {
      file,
      cause: error,
    });
  }
}

/**
 * Replaces `target` with `text` through a temporary file and a rename, so a reader never sees a
 * half-written file, unless the file changed since it was read (`hash`, sha256 hex, differs):
 * then it throws FILE_CHANGED and writes nothing. The file keeps its permission bits.
 */
export async function writeAtomically(
  target: string,
  file: string,
  text: string,
  hash: string,
): Promise<void> {
  const current = await readFile(target);
  if (sha256(current) !== hash) {
    throw new CubecapeError(
      'FILE_CHANGED',
      'the file changed while it was being fixed; it was not written (run the fix again)',
      { file },
    );
  }
  const { mode } = await stat(target);
  const temp = join(
    dirname(target),
    `.${basename(target)}.cubecape-${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    await writeFile(temp, text, { mode: mode & 0o7777, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new CubecapeError(
      'FILE_UNREADABLE',
      `cannot write the fixed file: ${describeError(error)}`,
      { file, cause: error },
    );
  }
}

/** `a/path` and `b/path` labels, as `git apply` expects them from the working directory. */
function diffLabels(file: string): { from: string; to: string } {
  if (file === '-') return { from: '-', to: '-' };
  const shown = isAbsolute(file) ? relative(process.cwd(), file) : file;
  if (isAbsolute(shown) || shown.startsWith(`..${sep}`)) return { from: file, to: file };
  const path = shown.split(sep).join('/');
  return { from: `a/${path}`, to: `b/${path}` };
}

async function fixOne(plan: FilePlan, state: RunState): Promise<void> {
  const { io, options } = state;
  const stdin = plan.file === '-';
  const source = stdin
    ? { text: state.stdinText ?? '', hash: '', target: '-' }
    : await readSource(plan.file);
  const result = fixText(source.text, plan.file, plan.requests);
  const changed = result.text !== source.text;
  if (changed && options.dryRun) {
    io.stdout.write(unifiedDiff(source.text, result.text, diffLabels(plan.file)));
  } else if (changed) {
    await writeAtomically(source.target, plan.file, result.text, source.hash);
  }
  state.results.push({ file: plan.file, outcomes: result.outcomes, changed });
}

function noteLine(note: FixNote): string {
  const where = [note.file, note.line, note.line === undefined ? undefined : note.column]
    .filter((part) => part !== undefined)
    .join(':');
  return `${where === '' ? '' : `${where}: `}${note.controlId}: ${note.message}`;
}

function issueLine(issue: IngestIssue): string {
  return `${locationPrefix(issue)}${issue.message} [${issue.code}]`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function reportFile(result: FileResult, state: RunState): void {
  const applied = result.outcomes.filter((outcome) => outcome.status === 'applied');
  for (const outcome of result.outcomes) {
    if (outcome.status !== 'refused') continue;
    state.io.stderr.write(
      `${result.file}: ${outcome.request.controlId}: not fixed: ${outcome.reason ?? 'refused'}\n`,
    );
  }
  if (!result.changed || state.options.dryRun) return;
  const controls = [...new Set(applied.map((outcome) => outcome.request.controlId))]
    .sort()
    .join(', ');
  state.io.stdout.write(
    `fixed ${result.file}: ${plural(applied.length, 'change')} (${controls})\n`,
  );
}

function verdict(state: RunState, resources: number, issues: readonly IngestIssue[]): FixSummary {
  const changed = state.results.filter((result) => result.changed).length;
  const applied = state.results
    .flatMap((result) => result.outcomes)
    .filter((outcome) => outcome.status === 'applied').length;
  const inputErrors =
    issues.filter((issue) => issue.severity === 'error').length +
    state.errors.filter((error) => ERROR_CODES[error.code] === 'input').length;
  const internal = state.errors.some((error) => ERROR_CODES[error.code] !== 'input');
  const done = state.options.dryRun
    ? `${plural(applied, 'change')} would be made in ${plural(changed, 'file')}`
    : `${plural(applied, 'change')} made in ${plural(changed, 'file')}`;
  if (resources === 0)
    return { code: EXIT.INCOMPLETE, reason: 'no Kubernetes resources were found to fix' };
  if (inputErrors > 0)
    return {
      code: EXIT.INCOMPLETE,
      reason: `${done}; ${plural(inputErrors, 'input')} could not be read, parsed or written`,
    };
  if (internal)
    return { code: EXIT.USAGE, reason: `${done}; some files could not be fixed (see above)` };
  if (state.options.dryRun && changed > 0)
    return { code: EXIT.GATE_FAILED, reason: `${done} (--dry-run: nothing written)` };
  return { code: EXIT.OK, reason: applied === 0 && changed === 0 ? 'nothing to fix' : done };
}

/** Scans `paths`, applies the fixes the failed findings carry, and says how it went. */
export async function runFix(
  paths: readonly string[],
  options: FixOptions,
  io: CliIO,
): Promise<FixSummary> {
  if (paths.includes('-') && !options.dryRun) {
    throw new CubecapeError(
      'USAGE',
      'standard input cannot be fixed in place; pass the file instead, or add --dry-run to print the changes as a patch',
    );
  }
  const { controls } = selectControls(
    builtinControls,
    builtinFrameworks,
    options.control ? { controls: options.control } : {},
  );
  const controlsSettings = await loadControlsSettings(options.config, io);
  const state: RunState = { io, options, errors: [], results: [], stdinText: undefined };
  const ingested = await ingestPaths(paths, {
    ...(options.exclude ? { exclude: options.exclude } : {}),
    maxFileBytes: options.maxFileSize,
    readStdin: async () => (state.stdinText = await io.readStdin()),
  });
  for (const issue of ingested.issues)
    if (issue.severity === 'error') io.stderr.write(`${issueLine(issue)}\n`);
  const context = buildScanContext(ingested.resources, {
    source: 'manifests',
    ...(controlsSettings === undefined
      ? {}
      : { settings: { ...DEFAULT_SCAN_SETTINGS, controls: controlsSettings } }),
  });
  const plan = planFixes(evaluate(ingested.resources, controls, context).findings);
  for (const file of plan.files) {
    try {
      await fixOne(file, state);
    } catch (error) {
      const failure = isCubecapeError(error)
        ? error
        : new CubecapeError('INTERNAL', describeError(error), { file: file.file, cause: error });
      state.errors.push(failure);
      io.stderr.write(`${failure.located} [${failure.code}]\n`);
    }
  }
  for (const result of state.results) reportFile(result, state);
  for (const note of plan.notes) io.stderr.write(`${noteLine(note)}\n`);
  return verdict(state, ingested.resources.length, ingested.issues);
}

function fixCommandDefinition() {
  return new Command('fix')
    .description(
      'Fix failed findings in manifest files in place, changing only the lines that must change',
    )
    .argument(
      '<paths...>',
      'files, directories or globs to fix; - reads stdin (with --dry-run only)',
    )
    .option(
      '--control <ids>',
      'only apply the fixes of these controls (comma-separated, repeatable)',
      collectList,
    )
    .option(
      '--dry-run',
      'print the changes as a unified diff instead of writing them; exit 1 when there are any',
      false,
    )
    .option(
      '--exclude <glob>',
      'skip paths matching a glob (repeatable; also read from .cubecapeignore)',
      collectRepeat,
    )
    .option(
      '--max-file-size <size>',
      'skip files larger than this (e.g. 32MiB)',
      parseSize,
      DEFAULT_MAX_FILE_BYTES,
    )
    .option(
      '--config <file>',
      'controls configuration (kind: ControlsConfig); default: .cubecape.yaml in the working directory',
    )
    .option('--no-config', 'ignore .cubecape.yaml in the working directory');
}

/** `cubecape fix`; the run's exit code and its reason go into `result`. */
export function fixCommand(
  io: CliIO,
  result: { code: ExitCode; reason?: string },
): CommandUnknownOpts {
  return fixCommandDefinition()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .action(async (paths, options) => {
      const summary = await runFix(paths, options, io);
      result.code = summary.code;
      result.reason = summary.reason;
    });
}
