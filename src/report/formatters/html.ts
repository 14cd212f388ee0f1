import { createHash } from 'node:crypto';
import { SEVERITIES } from '../../core/severity.js';
import type { ScanReport } from '../scan-report.js';
import { scoreChart, severityChart } from './html-charts.js';
import { htmlText, jsonForScript } from './html-escape.js';
import { filterData, filterForm, findingsTable, sortedFindings } from './html-findings.js';
import { SCRIPT } from './html-script.js';
import {
  controlsSection,
  errorsSections,
  scoreHtml,
  skippedControlsSection,
} from './html-sections.js';
import { STYLE } from './html-style.js';
import { createView, formatCount, plural, type View } from './pretty-view.js';
import type { FormatContext, Formatter } from './types.js';

/** `'sha256-…'`, the CSP source that allows exactly this inline script or stylesheet. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Nothing may be fetched: no default source, the one script and stylesheet by hash, images only
 * as data: URLs (the empty favicon), no `<base>`, and forms may not submit anywhere.
 */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

interface Verdict {
  readonly text: string;
  readonly tone: 'fail' | 'warn' | 'pass';
}

function verdictOf(report: ScanReport): Verdict {
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
    return { text: `✖ ${plural(failed, 'failed finding')} in ${scope}${incomplete}`, tone: 'fail' };
  }
  if (summary.resources === 0) {
    return {
      text: `⚠ Nothing was scanned: no Kubernetes resources were found${incomplete}`,
      tone: 'warn',
    };
  }
  const scanned = `${plural(summary.resources, 'resource')}, ${plural(summary.controls, 'control')}`;
  if (errors > 0) {
    return {
      text: `⚠ No failed controls in what was scanned (${scanned})${incomplete}`,
      tone: 'warn',
    };
  }
  return { text: `✔ No failed controls (${scanned})`, tone: 'pass' };
}

/** `2025-03-14 09:26:53 UTC` from an RFC 3339 UTC time; anything else is shown as given. */
function scanTime(scannedAt: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(scannedAt);
  const shown = match === null ? scannedAt : `${match[1] ?? ''} ${match[2] ?? ''} UTC`;
  return `<time datetime="${htmlText(scannedAt)}">${htmlText(shown)}</time>`;
}

function duration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function metaItem(label: string, value: string): string {
  return `<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function inputsList(report: ScanReport): string {
  if (report.inputs.length === 0) return '<span>none</span>';
  const items = report.inputs.map(
    (input) =>
      `<li><span class="input-type">${htmlText(input.type)}</span>` +
      `${htmlText(input.target === '-' ? '<stdin>' : input.target)}</li>`,
  );
  return `<ul>${items.join('')}</ul>`;
}

/** Links to the sections this report has, in page order. */
function contents(report: ScanReport): string {
  const has = (severity: 'error' | 'warning'): boolean =>
    report.errors.some((issue) => issue.severity === severity);
  const links: [string, string, boolean][] = [
    ['summary', 'Summary', true],
    ['findings', 'Findings', true],
    ['errors', 'Errors', has('error')],
    ['skipped-documents', 'Skipped documents', has('warning')],
    ['skipped-controls', 'Skipped controls', report.controls.some((c) => c.status === 'skipped')],
    ['controls', 'Controls', report.controls.length > 0],
  ];
  const items = links
    .filter(([, , shown]) => shown)
    .map(([id, text]) => `<a href="#${id}">${text}</a>`);
  return `<nav class="toc no-print" aria-label="Sections">${items.join('')}</nav>`;
}

function header(report: ScanReport, verdict: Verdict): string {
  const { summary } = report;
  const baseline = summary.baseline;
  const items = [
    metaItem('Scanned at', scanTime(report.scannedAt)),
    metaItem('Duration', duration(report.durationMs)),
    metaItem('Tool', `cubecape ${htmlText(report.tool.version)}`),
    metaItem('Inputs', inputsList(report)),
    metaItem('Resources', `${formatCount(summary.resources)} scanned`),
    metaItem('Controls', `${formatCount(summary.controls)} run`),
    metaItem('Overall score', scoreHtml(summary.score)),
  ];
  if (baseline !== undefined) {
    const text = `${formatCount(baseline.new)} new · ${formatCount(baseline.existing)} existing · ${formatCount(baseline.resolved)} resolved`;
    items.push(metaItem('Against baseline', text));
  }
  return [
    '<header class="page-header"><div class="wrap">',
    '<div class="brand"><h1>cubecape</h1><span>Kubernetes security scan report</span></div>',
    `<p class="verdict verdict-${verdict.tone}" role="status">${htmlText(verdict.text)}</p>`,
    `<dl class="meta">${items.join('')}</dl>`,
    contents(report),
    '</div></header>',
  ].join('\n');
}

function stat(value: number, label: string, bad: boolean): string {
  return `<div class="stat${bad && value > 0 ? ' stat-bad' : ''}"><b>${formatCount(value)}</b><span>${label}</span></div>`;
}

function summarySection(report: ScanReport): string {
  const count = (status: string): number =>
    report.findings.filter((f) => f.status === status).length;
  const failed = SEVERITIES.reduce((sum, severity) => sum + report.summary.bySeverity[severity], 0);
  const inputErrors = report.errors.filter((issue) => issue.severity === 'error').length;
  return [
    '<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
    '<div class="stats">',
    stat(failed, 'failed findings', true),
    stat(count('excepted'), 'excepted', false),
    stat(count('skipped'), 'skipped', false),
    stat(inputErrors + report.summary.errors, 'errors', true),
    stat(report.summary.resources, 'resources', false),
    '</div><div class="cards">',
    `<figure class="card"><h3>Failed findings by severity</h3>${severityChart(report)}</figure>`,
    `<figure class="card"><h3>Compliance scores</h3>${scoreChart(report)}</figure>`,
    '</div></section>',
  ].join('\n');
}

function findingsSection(report: ScanReport, view: View): { html: string; data: string } {
  const findings = sortedFindings(report, view);
  const table = findingsTable(findings, view);
  const form = findings.length === 0 ? '' : filterForm();
  const html = [
    '<section id="findings" aria-labelledby="findings-h">',
    `<h2 id="findings-h">Findings <span class="count" id="cc-count" aria-live="polite">${plural(findings.length, 'finding')}</span></h2>`,
    form,
    table,
    '</section>',
  ].join('\n');
  return { html, data: jsonForScript(filterData(report, findings, view)) };
}

/**
 * One self-contained HTML page for sharing a scan: verdict, charts, every finding with its
 * evidence and remediation, filters that work offline, controls, skipped controls and errors.
 * It loads nothing: styles, charts and script are inline and a Content-Security-Policy forbids
 * every other source. Without scripts, everything is visible; `verbose` does not apply.
 */
export const html: Formatter = (report: ScanReport, ctx: FormatContext): string => {
  const view = createView(report, ctx);
  const verdict = verdictOf(report);
  const findings = findingsSection(report, view);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(SCRIPT, STYLE)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="cubecape ${htmlText(report.tool.version)}">`,
    `<title>cubecape scan report: ${htmlText(verdict.text)}</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    header(report, verdict),
    '<main class="wrap">',
    summarySection(report),
    findings.html,
    errorsSections(report, view),
    skippedControlsSection(report),
    controlsSection(report),
    '</main>',
    '<footer class="wrap">',
    `Generated by cubecape ${htmlText(report.tool.version)} from a ${htmlText(report.apiVersion)} ScanReport.`,
    ' This page is self-contained and loads nothing from the network; <code>--format json</code> has the full data.',
    '</footer>',
    `<script type="application/json" id="cc-data">${findings.data}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
