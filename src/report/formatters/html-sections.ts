import type { ReportControl, ReportError, ScanReport } from '../scan-report.js';
import { htmlText } from './html-escape.js';
import { formatCount, where, type View } from './pretty-view.js';

/** `72.4%` coloured by the terminal report's thresholds, or `n/a` when nothing was judged. */
export function scoreHtml(score: number | undefined): string {
  if (score === undefined) return '<span class="muted">n/a</span>';
  const tone = score >= 90 ? 'ok' : score >= 70 ? 'warn' : 'bad';
  return `<span class="score-${tone}">${score.toFixed(1)}%</span>`;
}

function section(id: string, title: string, count: number, body: string): string {
  return (
    `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${title}` +
    ` <span class="count">${formatCount(count)}</span></h2>\n${body}\n</section>`
  );
}

function controlRow(control: ReportControl): string {
  const { passed, failed, excepted, skipped, error } = control.counts;
  const frameworks = control.frameworks.map((id) => htmlText(id)).join(', ');
  return [
    `<tr><td><code>${htmlText(control.id)}</code><div class="muted">${htmlText(control.title)}</div></td>`,
    `<td><span class="badge badge-${control.severity}">${control.severity}</span></td>`,
    `<td>${htmlText(control.status)}</td>`,
    `<td class="mono">${passed} / ${failed} / ${excepted} / ${skipped} / ${error}</td>`,
    `<td>${scoreHtml(control.score)}</td>`,
    `<td>${frameworks === '' ? '<span class="muted">—</span>' : frameworks}</td></tr>`,
  ].join('');
}

/** Every control that ran, with its verdict, counts and score: what an auditor checks off. */
export function controlsSection(report: ScanReport): string {
  if (report.controls.length === 0) return '';
  const table = [
    '<table class="controls"><thead><tr><th scope="col">Control</th><th scope="col">Severity</th>',
    '<th scope="col">Status</th>',
    '<th scope="col" title="passed / failed / excepted / skipped / error">Passed / failed / excepted / skipped / error</th>',
    '<th scope="col">Score</th><th scope="col">Frameworks</th></tr></thead><tbody>',
    report.controls.map(controlRow).join('\n'),
    '</tbody></table>',
  ].join('\n');
  return section('controls', 'Controls', report.controls.length, table);
}

/** Controls that could not judge anything, and why: never reported as passed. */
export function skippedControlsSection(report: ScanReport): string {
  const skipped = report.controls.filter((control) => control.status === 'skipped');
  if (skipped.length === 0) return '';
  const rows = skipped.map(
    (control) =>
      `<tr><td><code>${htmlText(control.id)}</code><div class="muted">${htmlText(control.title)}</div></td>` +
      `<td>${htmlText(control.skipReason ?? 'every resource was skipped')}</td></tr>`,
  );
  const table = [
    '<table class="skipped"><thead><tr><th scope="col">Control</th><th scope="col">Reason</th></tr></thead><tbody>',
    rows.join('\n'),
    '</tbody></table>',
  ].join('\n');
  return section('skipped-controls', 'Skipped controls', skipped.length, table);
}

function issueRow(issue: ReportError, view: View): string {
  const at = where(issue.file, issue.line, issue.column, view.cwd);
  return (
    `<tr><td><code>${htmlText(issue.code)}</code></td>` +
    `<td>${at === undefined ? '<span class="muted">—</span>' : `<code>${htmlText(at)}</code>`}</td>` +
    `<td>${htmlText(issue.message)}</td></tr>`
  );
}

function issuesTable(issues: readonly ReportError[], view: View): string {
  return [
    '<table class="issues"><thead><tr><th scope="col">Code</th><th scope="col">Location</th>',
    '<th scope="col">Message</th></tr></thead><tbody>',
    issues.map((issue) => issueRow(issue, view)).join('\n'),
    '</tbody></table>',
  ].join('\n');
}

/** Input and control errors (the scan is incomplete), then documents skipped on purpose. */
export function errorsSections(report: ScanReport, view: View): string {
  const errors = report.errors.filter((issue) => issue.severity === 'error');
  const warnings = report.errors.filter((issue) => issue.severity === 'warning');
  const out: string[] = [];
  if (errors.length > 0) {
    const lead =
      '<p class="verdict verdict-fail">These parts were not scanned, so this report is incomplete.</p>';
    out.push(section('errors', 'Errors', errors.length, lead + issuesTable(errors, view)));
  }
  if (warnings.length > 0) {
    out.push(
      section(
        'skipped-documents',
        'Skipped documents',
        warnings.length,
        issuesTable(warnings, view),
      ),
    );
  }
  return out.join('\n');
}
