import { locationPrefix } from '../../core/errors.js';
import { agrees, unchecked } from './run.js';
import type { Comparison, TestRun, TestSummary } from './types.js';

/** apiVersion and kind of `policy test -f json` output. */
export const TEST_REPORT_API_VERSION = 'cubecape.io/v1alpha1';
export const TEST_REPORT_KIND = 'PolicyTestReport';

const statusOf = (c: Comparison): 'agree' | 'mismatch' | 'not-checked' =>
  unchecked(c) ? 'not-checked' : agrees(c) ? 'agree' : 'mismatch';

function subject(c: Comparison): string {
  const rule = c.rule === '' ? c.policy : `${c.policy}/${c.rule}`;
  const resource = c.kind === undefined ? c.resource : `${c.kind}/${c.resource}`;
  return `${rule} on ${resource}`;
}

function mismatchText(c: Comparison): string {
  const where = locationPrefix({ file: c.testFile, line: c.line });
  const lines = [`${where}MISMATCH ${subject(c)}: expected ${c.expected}, got ${c.actual}`];
  if (c.message !== '') lines.push(`    ${c.message}`);
  if (c.policyFile !== undefined) lines.push(`    policy file: ${c.policyFile}`);
  return lines.join('\n');
}

/** One line with every count, as printed last. */
export function summaryLine(summary: TestSummary): string {
  const parts = [
    `${summary.tests} tests`,
    `${summary.results} results`,
    `${summary.passed} passed`,
    `${summary.failed} failed`,
  ];
  if (summary.notChecked > 0) parts.push(`${summary.notChecked} not checked`);
  if (summary.errors > 0) parts.push(`${summary.errors} unreadable`);
  return parts.join(', ');
}

/**
 * The terminal report: every mismatch with its test and policy file, every test that could not
 * be read or checked, then the summary. `verbose` also lists agreeing results.
 */
export function formatTestText(
  runs: readonly TestRun[],
  summary: TestSummary,
  options: { readonly verbose: boolean },
): string {
  const out: string[] = [];
  for (const run of runs) {
    if (run.error !== undefined) {
      out.push(`${locationPrefix(run.error)}ERROR ${run.error.message} [${run.error.code}]`);
      continue;
    }
    if (run.notChecked !== undefined && options.verbose)
      out.push(`${run.testFile}: NOT CHECKED ${run.test}: ${run.notChecked}`);
    for (const c of run.comparisons) {
      if (statusOf(c) === 'mismatch') out.push(mismatchText(c));
      else if (options.verbose && statusOf(c) === 'agree')
        out.push(
          `${locationPrefix({ file: c.testFile, line: c.line })}ok ${subject(c)}: ${c.actual}`,
        );
    }
  }
  out.push(summaryLine(summary));
  return `${out.join('\n')}\n`;
}

/** The JSON report: every result of every test with its status, and the summary. */
export function formatTestJson(runs: readonly TestRun[], summary: TestSummary): string {
  const report = {
    apiVersion: TEST_REPORT_API_VERSION,
    kind: TEST_REPORT_KIND,
    summary,
    tests: runs.map((run) => ({
      file: run.testFile,
      name: run.test,
      format: run.format,
      ...(run.notChecked === undefined ? {} : { notChecked: run.notChecked }),
      ...(run.error === undefined ? {} : { error: run.error }),
      results: run.comparisons.map((c) => ({
        policy: c.policy,
        ...(c.policyFile === undefined ? {} : { policyFile: c.policyFile }),
        rule: c.rule,
        ...(c.kind === undefined ? {} : { kind: c.kind }),
        resource: c.resource,
        expected: c.expected,
        actual: c.actual,
        status: statusOf(c),
        message: c.message,
        ...(c.line === undefined ? {} : { line: c.line }),
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
