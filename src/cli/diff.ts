import { Command, Option } from '@commander-js/extra-typings';
import type { Severity } from '../core/severity.js';
import { EXIT, type ExitCode, type GateVerdict } from '../engine/gate.js';
import {
  diffReports,
  formatDiffJson,
  formatDiffText,
  introducedAtOrAbove,
} from '../report/diff.js';
import { readReportFile } from './governance-inputs.js';
import { colorEnabled, type CliIO } from './io.js';
import { parseGateSeverity } from './options.js';

/** Parsed `cubecape diff` options. */
export type DiffOptions = ReturnType<ReturnType<typeof diffOptions>['opts']>;

/**
 * Compares two ScanReports and prints what was introduced and resolved. Exit 1 when an
 * introduced failed finding reaches `--fail-on` (default high, as for scan), 2 on bad input.
 */
export async function diffAction(
  oldFile: string,
  newFile: string,
  options: DiffOptions,
  io: CliIO,
): Promise<GateVerdict> {
  const old = await readReportFile(oldFile, io.cwd, 'old report');
  const current = await readReportFile(newFile, io.cwd, 'new report');
  const diff = diffReports(old, current);
  if (options.format === 'json') {
    io.stdout.write(formatDiffJson(diff));
  } else {
    const color = options.color ?? colorEnabled(io, io.stdout);
    io.stdout.write(formatDiffText(diff, { color, cwd: io.cwd }));
  }
  const threshold = options.failOn;
  const count = threshold === 'none' ? 0 : introducedAtOrAbove(diff, threshold);
  if (count > 0) {
    const findings = count === 1 ? '1 introduced finding' : `${String(count)} introduced findings`;
    return {
      code: EXIT.GATE_FAILED,
      reasons: [`${findings} at or above ${threshold} severity (--fail-on ${threshold})`],
    };
  }
  const { introduced, resolved } = diff.summary;
  return {
    code: EXIT.OK,
    reasons: [
      `passed: nothing introduced at or above the gate (${String(introduced)} introduced, ${String(resolved)} resolved)`,
    ],
  };
}

function diffOptions() {
  return new Command('diff')
    .description('Compare two JSON scan reports: findings introduced and resolved between them')
    .argument('<old>', 'the earlier ScanReport (cubecape scan -f json)')
    .argument('<new>', 'the later ScanReport')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['pretty', 'json'] as const)
        .default('pretty' as const),
    )
    .option(
      '--fail-on <severity>',
      'exit 1 when an introduced finding is at or above this severity (or none)',
      parseGateSeverity,
      'high' as Severity | 'none',
    )
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (also NO_COLOR=1)');
}

/** The `diff` command; its action stores the exit code and reason in `result`, as scan's does. */
export function diffCommand(io: CliIO, result: { code: ExitCode; reason?: string }) {
  return diffOptions().action(async (oldFile, newFile, options) => {
    const verdict = await diffAction(oldFile, newFile, options, io);
    result.code = verdict.code;
    result.reason = verdict.reasons.join('; ');
  });
}
