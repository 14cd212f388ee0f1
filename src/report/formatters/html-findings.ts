import { toDotted } from '../../core/json-path.js';
import { SEVERITIES } from '../../core/severity.js';
import type { FindingStatus, ReportFinding, ScanReport } from '../scan-report.js';
import { cutText, htmlLines, htmlText } from './html-escape.js';
import { findingOrder, findingPosition, formatCount, where, type View } from './pretty-view.js';
import { safeText } from './terminal-text.js';

/** Characters of evidence shown; the JSON report always has the whole value. */
export const EVIDENCE_CHARS = 1_000;

/** Statuses in the order their findings are listed and their filter boxes shown. */
export const FINDING_STATUSES: readonly FindingStatus[] = [
  'failed',
  'excepted',
  'error',
  'skipped',
];

/** What the filter script needs and the markup does not carry: controls and their frameworks. */
export interface FilterData {
  readonly controls: readonly { readonly label: string; readonly frameworks: readonly number[] }[];
  readonly frameworks: readonly { readonly label: string }[];
}

/** Control ids with findings, in first-listed order; indexes into `FilterData.controls`. */
function findingControlIds(findings: readonly ReportFinding[]): string[] {
  return [...new Set(findings.map((finding) => finding.controlId))];
}

/**
 * Findings in listed order: failed first, then excepted, errored and skipped; within a status,
 * most severe first and then by position, as in the terminal report.
 */
export function sortedFindings(report: ScanReport, view: View): ReportFinding[] {
  const byPosition = findingOrder(view);
  const rank = (finding: ReportFinding): number => FINDING_STATUSES.indexOf(finding.status);
  return [...report.findings].sort((a, b) => rank(a) - rank(b) || byPosition(a, b));
}

/** Labels are made visible-safe here; the script puts them in the page as text, never markup. */
export function filterData(
  report: ScanReport,
  findings: readonly ReportFinding[],
  view: View,
): FilterData {
  const frameworks = report.frameworks.map((framework) => ({
    label: safeText(framework.name === '' ? framework.id : `${framework.name} (${framework.id})`),
  }));
  const controls = findingControlIds(findings).map((id) => {
    const control = view.controls.get(id);
    const member = report.frameworks.flatMap((framework, index) =>
      framework.controls.includes(id) || control?.frameworks.includes(framework.id) === true
        ? [index]
        : [],
    );
    const title = control?.title ?? '';
    return { label: safeText(title === '' ? id : `${id} — ${title}`), frameworks: member };
  });
  return { controls, frameworks };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkbox(name: string, value: string, label: string): string {
  return (
    `<label><input type="checkbox" name="${name}" value="${value}" checked> ${label} ` +
    `(<span data-count-${name}="${value}">0</span>)</label>`
  );
}

/** The filter bar: hidden until the script shows it, so a page without scripts has no dead UI. */
export function filterForm(): string {
  const severities = SEVERITIES.map((s) => checkbox('severity', s, capitalised(s))).join('');
  const statuses = FINDING_STATUSES.map((s) => checkbox('status', s, capitalised(s))).join('');
  return [
    '<form class="filters" id="cc-filters" role="search" aria-label="Filter findings" hidden>',
    '<label>Search <input type="search" id="cc-search" placeholder="message, resource or file"',
    ' aria-label="Search findings by message, resource or file" autocomplete="off"></label>',
    `<fieldset><legend>Severity</legend>${severities}</fieldset>`,
    `<fieldset><legend>Status</legend>${statuses}</fieldset>`,
    '<label>Control <select id="cc-control"><option value="">All controls</option></select></label>',
    '<label>Framework <select id="cc-framework"><option value="">All frameworks</option></select></label>',
    '<div class="actions"><button type="reset">Reset filters</button>',
    '<button type="button" id="cc-expand">Expand all</button>',
    '<button type="button" id="cc-collapse">Collapse all</button></div>',
    '</form>',
  ].join('\n');
}

function resourceCell(finding: ReportFinding, view: View): string {
  const resource = view.resources.get(finding.resourceId);
  if (resource === undefined) return `<span data-search>${htmlText(finding.resourceId)}</span>`;
  const scope = resource.namespace === undefined ? '' : `${resource.namespace}/`;
  return (
    `<span data-search><span class="kind">${htmlText(resource.kind)}</span> ` +
    `${htmlText(scope + resource.name)}</span>`
  );
}

function locationCell(finding: ReportFinding, view: View): string {
  const position = findingPosition(finding, view);
  const at = where(position.file, position.line, position.column, view.cwd);
  const path = finding.path.length === 0 ? '' : toDotted(finding.path);
  const parts = [];
  if (at !== undefined) parts.push(`<code data-search>${htmlText(at)}</code>`);
  if (path !== '') parts.push(`<div class="path mono">${htmlText(path)}</div>`);
  return parts.length === 0 ? '<span class="muted">—</span>' : parts.join('');
}

function evidenceBlock(evidence: string): string {
  const shown = cutText(evidence, EVIDENCE_CHARS);
  const note = shown.cut
    ? `<span class="cut">… cut: ${formatCount(shown.length)} characters in full; the JSON report has the whole value</span>`
    : '';
  const value = shown.text === '' ? '<span class="muted">(empty)</span>' : htmlLines(shown.text);
  return `<div class="evidence-label">Found</div><pre class="evidence">${value}${note === '' ? '' : `\n${note}`}</pre>`;
}

function exceptionBlock(finding: ReportFinding): string {
  const exception = finding.exception;
  if (exception === undefined) return '';
  const details = [
    exception.owner === undefined ? undefined : `owner ${exception.owner}`,
    exception.ticket === undefined ? undefined : `ticket ${exception.ticket}`,
    exception.expires === undefined ? undefined : `expires ${exception.expires}`,
  ].filter((part) => part !== undefined);
  const suffix =
    details.length === 0 ? '' : ` <span class="muted">(${htmlText(details.join(', '))})</span>`;
  return (
    `<div class="exception"><strong>Exception ${htmlText(exception.name)}:</strong> ` +
    `${htmlText(exception.reason)}${suffix}</div>`
  );
}

function messageCell(finding: ReportFinding, view: View): string {
  const parts = [`<p class="message" data-search>${htmlText(finding.message)}</p>`];
  if (finding.evidence !== undefined) parts.push(evidenceBlock(finding.evidence));
  parts.push(exceptionBlock(finding));
  const remediation = view.controls.get(finding.controlId)?.remediation;
  if (remediation !== undefined && remediation.trim() !== '') {
    parts.push(
      '<details class="remediation-details"><summary>Remediation</summary>' +
        `<div class="remediation">${htmlLines(remediation.trim())}</div></details>`,
    );
  }
  return parts.join('');
}

function findingRow(finding: ReportFinding, controlIndex: number, view: View): string {
  const { severity, status } = finding;
  const title = view.controls.get(finding.controlId)?.title;
  const badges = [
    `<span class="badge badge-${severity}">${severity}</span>`,
    `<span class="badge badge-status">${status}</span>`,
    finding.baseline === 'new' ? '<span class="badge badge-new">new</span>' : '',
  ].join('');
  return [
    `<tr class="finding sev-${severity} st-${status}" data-severity="${severity}" data-status="${status}" data-control="${controlIndex}">`,
    `<td class="c-sev">${badges}</td>`,
    `<td class="c-control"><code data-search>${htmlText(finding.controlId)}</code>`,
    title === undefined || title === '' ? '' : `<div class="muted">${htmlText(title)}</div>`,
    `</td><td class="c-resource">${resourceCell(finding, view)}</td>`,
    `<td class="c-loc">${locationCell(finding, view)}</td>`,
    `<td class="c-msg">${messageCell(finding, view)}</td></tr>`,
  ].join('');
}

/** The findings table, one row per finding, with an empty state the script shows when needed. */
export function findingsTable(findings: readonly ReportFinding[], view: View): string {
  if (findings.length === 0) {
    return '<p class="empty ok" id="cc-findings-none">No findings: nothing failed, was excepted or skipped.</p>';
  }
  const controlIndex = new Map(findingControlIds(findings).map((id, index) => [id, index]));
  const rows = findings.map((finding) =>
    findingRow(finding, controlIndex.get(finding.controlId) ?? -1, view),
  );
  return [
    '<table class="findings" id="cc-findings"><thead><tr>',
    '<th scope="col" class="c-sev">Severity</th><th scope="col" class="c-control">Control</th>',
    '<th scope="col" class="c-resource">Resource</th><th scope="col" class="c-loc">Location</th>',
    '<th scope="col">Finding</th></tr></thead><tbody>',
    rows.join('\n'),
    '</tbody></table>',
    '<p class="empty" id="cc-empty" hidden>No finding matches the filters.</p>',
  ].join('\n');
}
