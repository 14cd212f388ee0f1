import { atLeast, SEVERITIES, type Severity } from '../core/severity.js';
import type { ScanReport } from '../report/scan-report.js';

/** Exit codes of every command (DESIGN.md). */
export const EXIT = { OK: 0, GATE_FAILED: 1, USAGE: 2, INCOMPLETE: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface GateOptions {
  /** Fail when a failed finding is at or above this severity; `none` never fails on findings. */
  readonly failOn: Severity | 'none';
  /** Fail when the overall score is below this (0–100). */
  readonly failUnder?: number;
  /** Accept an incomplete scan instead of exiting 3. */
  readonly allowIncomplete: boolean;
  /** Count only failed findings marked `baseline: new` against `failOn` (`--fail-on-new`). */
  readonly newOnly?: boolean;
}

export interface GateVerdict {
  readonly code: ExitCode;
  /** One line each for every reason that applied, most important first. */
  readonly reasons: readonly string[];
}

function plural(count: number, word: string, pluralForm = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralForm}`;
}

function incompleteReasons(report: ScanReport): string[] {
  const reasons: string[] = [];
  const inputErrors = report.errors.filter(
    (error) => error.severity === 'error' && error.code !== 'CONTROL_ERROR',
  );
  if (inputErrors.length > 0)
    reasons.push(
      `${plural(inputErrors.length, 'input error')} (could not read or parse part of the input)`,
    );
  if (report.summary.errors > 0) reasons.push(plural(report.summary.errors, 'control error'));
  if (report.resources.length === 0) reasons.push('no Kubernetes resources were found to scan');
  return reasons;
}

function findingReasons(report: ScanReport, options: GateOptions): string[] {
  const reasons: string[] = [];
  if (options.failOn !== 'none') {
    const threshold = options.failOn;
    if (options.newOnly === true) {
      const count = report.findings.filter(
        (f) => f.status === 'failed' && f.baseline === 'new' && atLeast(f.severity, threshold),
      ).length;
      if (count > 0)
        reasons.push(
          `${plural(count, 'new finding')} at or above ${threshold} severity (--fail-on ${threshold} --fail-on-new)`,
        );
    } else {
      const count = SEVERITIES.filter((s) => atLeast(s, threshold)).reduce(
        (sum, s) => sum + report.summary.bySeverity[s],
        0,
      );
      if (count > 0)
        reasons.push(
          `${plural(count, 'finding')} at or above ${threshold} severity (--fail-on ${threshold})`,
        );
    }
  }
  if (options.failOn !== 'none' && report.vulnerabilities !== undefined) {
    const threshold = options.failOn;
    // Counted as `cubecape vuln` counts them: not suppressed by VEX, with a known severity. They
    // have no baseline, so --fail-on-new does not narrow them.
    const count = report.vulnerabilities.filter(
      (v) =>
        v.status !== 'suppressed' && v.severity !== 'unknown' && atLeast(v.severity, threshold),
    ).length;
    if (count > 0)
      reasons.push(
        `${plural(count, 'vulnerability', 'vulnerabilities')} in images at or above ${threshold} severity (--fail-on ${threshold})`,
      );
  }
  const score = report.summary.score;
  if (options.failUnder !== undefined && score !== undefined && score < options.failUnder) {
    reasons.push(`score ${score} is below ${options.failUnder} (--fail-under)`);
  }
  return reasons;
}

/** Decides the exit code of a scan: the highest applicable code wins. */
export function judge(report: ScanReport, options: GateOptions): GateVerdict {
  const incomplete = incompleteReasons(report);
  const gate = findingReasons(report, options);
  if (incomplete.length > 0 && !options.allowIncomplete) {
    return {
      code: EXIT.INCOMPLETE,
      reasons: [
        `scan incomplete: ${incomplete.join('; ')} (--allow-incomplete to accept)`,
        ...gate,
      ],
    };
  }
  if (gate.length > 0) return { code: EXIT.GATE_FAILED, reasons: gate };
  const accepted =
    incomplete.length > 0
      ? ` (incomplete, accepted by --allow-incomplete: ${incomplete.join('; ')})`
      : '';
  return { code: EXIT.OK, reasons: [`passed: nothing at or above the gate${accepted}`] };
}
