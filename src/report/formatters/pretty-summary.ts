import type { Colors } from 'picocolors/types.js';
import { SEVERITIES } from '../../core/severity.js';
import type { ControlStatus, ScanReport } from '../scan-report.js';
import { formatCount, plural, severityColor, type View } from './pretty-view.js';
import { vulnerabilityItems } from './pretty-vulns.js';
import { displayWidth, safeText, truncateLine, wrapWords } from './terminal-text.js';

const LABEL_WIDTH = 11;
const BAR_CELLS = 10;
const STATUS_ORDER: readonly ControlStatus[] = [
  'passed',
  'failed',
  'excepted',
  'error',
  'skipped',
  'not-applicable',
];

function row(label: string, text: string, c: Colors): string {
  return `  ${c.dim(label.padEnd(LABEL_WIDTH))}${text}`;
}

/** A summary item: its plain text (for measuring) and how to colour it. */
type Item = readonly [text: string, paint: (text: string) => string];

/** Items joined by ` · `, continued on further rows when they do not fit the width. */
function itemRows(label: string, items: readonly Item[], view: View): string[] {
  const { c } = view;
  const room = view.width - 2 - LABEL_WIDTH;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const [text, paint] of items) {
    const width = displayWidth(text);
    if (used > 0 && used + 3 + width > room) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += (used > 0 ? c.dim(' · ') : '') + paint(text);
    used += (used > 0 ? 3 : 0) + width;
  }
  lines.push(line);
  return lines.map((text, index) => row(index === 0 ? label : '', text, c));
}

function scoreColor(score: number, c: Colors): (text: string) => string {
  if (score >= 90) return c.green;
  return score >= 70 ? c.yellow : c.red;
}

/** `72.4%  ███████░░░` (the bar only when there is room), or `n/a` when nothing was judged. */
function scoreText(score: number | undefined, withBar: boolean, c: Colors): string {
  const bar = (text: string): string => (withBar ? `  ${text}` : '');
  if (score === undefined) return `${c.dim('n/a'.padStart(6))}${bar(' '.repeat(BAR_CELLS))}`;
  const filled = Math.min(BAR_CELLS, Math.max(0, Math.round(score / BAR_CELLS)));
  const color = scoreColor(score, c);
  const value = `${score.toFixed(1)}%`.padStart(6);
  return `${color(value)}${bar(color('█'.repeat(filled)) + c.dim('░'.repeat(BAR_CELLS - filled)))}`;
}

function controlsRows(report: ScanReport, view: View): string[] {
  const counts = new Map<ControlStatus, number>();
  for (const control of report.controls)
    counts.set(control.status, (counts.get(control.status) ?? 0) + 1);
  const plain = (text: string): string => text;
  const items: Item[] = [[`${formatCount(report.summary.controls)} run`, plain]];
  for (const status of STATUS_ORDER) {
    const count = counts.get(status) ?? 0;
    if (count > 0) items.push([`${formatCount(count)} ${status}`, plain]);
  }
  return itemRows('Controls', items, view);
}

function failedRows(report: ScanReport, view: View): string[] {
  const { c } = view;
  const { bySeverity } = report.summary;
  const total = SEVERITIES.reduce((sum, severity) => sum + bySeverity[severity], 0);
  if (total === 0) return [row('Failed', c.green('none'), c)];
  const items: Item[] = [[plural(total, 'finding'), c.bold]];
  for (const severity of SEVERITIES) {
    const count = bySeverity[severity];
    if (count > 0) items.push([`${formatCount(count)} ${severity}`, severityColor(severity, c)]);
  }
  return itemRows('Failed', items, view);
}

/** Vulnerability counts when the scan looked at images (`--images`). */
function vulnerabilityRows(report: ScanReport, view: View): string[] {
  const items = vulnerabilityItems(report, view);
  return items.length === 0 ? [] : itemRows('Vulns', items, view);
}

/** New and existing failed findings when the scan had a baseline. */
function baselineRows(report: ScanReport, view: View): string[] {
  const baseline = report.summary.baseline;
  if (baseline === undefined) return [];
  const { c } = view;
  const items: Item[] = [
    [plural(baseline.new, 'new finding'), baseline.new > 0 ? c.bold : c.green],
    [`${formatCount(baseline.existing)} existing`, (text: string) => text],
    [`${formatCount(baseline.resolved)} resolved`, c.green],
  ];
  return itemRows('Baseline', items, view);
}

/** Counts of what the default output leaves out, with the way to see it. */
function otherRows(report: ScanReport, view: View): string[] {
  const count = (status: 'excepted' | 'skipped'): number =>
    report.findings.filter((finding) => finding.status === status).length;
  const warnings = report.errors.filter((issue) => issue.severity === 'warning');
  const exceptionWarnings = warnings.filter((issue) => issue.code.startsWith('EXCEPTION_')).length;
  const parts = [
    [count('excepted'), 'excepted finding'],
    [count('skipped'), 'skipped finding'],
    [warnings.length - exceptionWarnings, 'skipped document'],
    [exceptionWarnings, 'exception warning'],
  ] as const;
  const items: Item[] = parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => [plural(n, word), (text: string) => text]);
  if (items.length === 0) return [];
  if (!view.verbose) items.push(['(--verbose lists them)', view.c.dim]);
  return itemRows('Other', items, view);
}

function errorsRows(report: ScanReport, view: View): string[] {
  const inputErrors = report.errors.filter((issue) => issue.severity === 'error').length;
  const items: Item[] = [];
  if (inputErrors > 0) items.push([plural(inputErrors, 'error'), view.c.red]);
  if (report.summary.errors > 0)
    items.push([plural(report.summary.errors, 'control error'), view.c.red]);
  if (items.length === 0) return [];
  items.push(['the scan is incomplete', view.c.red]);
  return itemRows('Errors', items, view);
}

function scoreRows(report: ScanReport, view: View): string[] {
  const { c } = view;
  const ids = report.frameworks.map((framework) => safeText(framework.id));
  const idWidth = Math.min(24, Math.max('overall'.length, ...ids.map((id) => id.length)));
  const withBar = view.width >= 2 + LABEL_WIDTH + idWidth + 2 + 6 + 2 + BAR_CELLS;
  const used = 2 + LABEL_WIDTH + idWidth + 2 + 6 + (withBar ? 2 + BAR_CELLS : 0) + 2;
  const rows = report.frameworks.map((framework, index) => {
    const id = truncateLine(ids[index] ?? '', idWidth).padEnd(idWidth);
    const score = `${id}  ${scoreText(framework.score, withBar, c)}`;
    const note = framework.score === undefined ? ' (nothing judged)' : '';
    // The name only helps recognise the id; leave it out rather than squeeze it.
    if (view.width - used < 8) return score;
    return `${score}  ${c.dim(truncateLine(framework.name + note, view.width - used))}`;
  });
  const overall = `${c.bold('overall'.padEnd(idWidth))}  ${scoreText(report.summary.score, withBar, c)}`;
  const overallNote =
    report.summary.score === undefined && view.width - used >= 16
      ? c.dim('  (nothing judged)')
      : '';
  rows.push(overall + overallNote);
  return rows.map((text, index) => row(index === 0 ? 'Score' : '', text, c));
}

function verdictText(report: ScanReport): {
  readonly text: string;
  readonly tone: 'red' | 'yellow' | 'green';
} {
  const { summary } = report;
  const failed = SEVERITIES.reduce((sum, severity) => sum + summary.bySeverity[severity], 0);
  const errors =
    report.errors.filter((issue) => issue.severity === 'error').length + summary.errors;
  const incomplete = errors > 0 ? `; the scan is incomplete (${plural(errors, 'error')})` : '';
  if (failed > 0) {
    const resources = new Set(
      report.findings.filter((f) => f.status === 'failed').map((f) => f.resourceId),
    );
    const scope = `${formatCount(resources.size)} of ${plural(summary.resources, 'resource')}`;
    return { text: `✖ ${plural(failed, 'failed finding')} in ${scope}${incomplete}`, tone: 'red' };
  }
  if (summary.resources === 0) {
    return {
      text: `⚠ Nothing was scanned: no Kubernetes resources were found${incomplete}`,
      tone: 'yellow',
    };
  }
  const scanned = `${plural(summary.resources, 'resource')}, ${plural(summary.controls, 'control')}`;
  if (errors > 0)
    return {
      text: `⚠ No failed controls in what was scanned (${scanned})${incomplete}`,
      tone: 'yellow',
    };
  return { text: `✔ No failed controls (${scanned})`, tone: 'green' };
}

/** Totals, scores per framework and overall, and a one-line verdict. */
export function summarySection(report: ScanReport, view: View): string[] {
  const { c } = view;
  const { text, tone } = verdictText(report);
  const verdict = wrapWords(text, view.width).map((line) => c.bold(c[tone](line)));
  return [
    c.bold('Summary'),
    row('Resources', `${formatCount(report.summary.resources)} scanned`, c),
    ...controlsRows(report, view),
    ...failedRows(report, view),
    ...vulnerabilityRows(report, view),
    ...baselineRows(report, view),
    ...otherRows(report, view),
    ...errorsRows(report, view),
    ...scoreRows(report, view),
    '',
    ...verdict,
  ];
}
