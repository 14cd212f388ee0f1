import { toJsonPointer } from '../../core/json-path.js';
import type { ReportFinding, ScanReport } from '../scan-report.js';
import { artifactText } from './artifact-path.js';
import {
  createView,
  findingOrder,
  findingPosition,
  remediationOfFailed,
  type View,
} from './pretty-view.js';
import type { FormatContext } from './types.js';

/** Column names, in order; stable so spreadsheets and scripts can rely on them. */
export const CSV_COLUMNS = [
  'severity',
  'control_id',
  'control_title',
  'status',
  'resource_kind',
  'resource_namespace',
  'resource_name',
  'resource_id',
  'file',
  'line',
  'column',
  'path',
  'message',
  'evidence',
  'remediation',
] as const;

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or CR first) gets a
 * leading `'`, which spreadsheets show as text (CSV injection).
 */
function defused(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : defused(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function row(finding: ReportFinding, view: View): string {
  const control = view.controls.get(finding.controlId);
  const resource = view.resources.get(finding.resourceId);
  const { file, line, column } = findingPosition(finding, view);
  const values: (string | number | undefined)[] = [
    finding.severity,
    finding.controlId,
    control?.title,
    finding.status,
    resource?.kind,
    resource?.namespace,
    resource?.name,
    finding.resourceId,
    file === undefined ? undefined : (artifactText(file, view.cwd) ?? '<stdin>'),
    line,
    line === undefined ? undefined : column,
    toJsonPointer(finding.path),
    finding.message,
    finding.evidence,
    remediationOfFailed(finding, view),
  ];
  return values.map(cell).join(',');
}

/**
 * CSV (RFC 4180, CRLF line ends, UTF-8 without a byte order mark): a header row, then one row
 * per finding of any status, most severe first. Cells that a spreadsheet would evaluate as a
 * formula are prefixed with `'`.
 */
export function csv(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const findings = [...report.findings].sort(findingOrder(view));
  const lines = [CSV_COLUMNS.join(','), ...findings.map((finding) => row(finding, view))];
  return `${lines.join('\r\n')}\r\n`;
}
