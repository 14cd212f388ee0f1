import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { ReportFinding, ScanReport } from '../scan-report.js';
import { artifactText } from './artifact-path.js';
import { mdText } from './markdown-text.js';
import {
  createView,
  findingOrder,
  findingPosition,
  formatCount,
  plural,
  type View,
} from './pretty-view.js';
import type { FormatContext } from './types.js';

/** GitHub rejects comments over 65,536 characters; stay well under with room for the footer. */
export const MARKDOWN_LIMIT = 60_000;
/** Findings shown before the rest are folded into `<details>`. */
export const MARKDOWN_TOP = 10;

/** Framework rows shown; there are only a few built in, this bounds hostile input. */
const MAX_FRAMEWORKS = 30;
const TABLE_HEAD = '| Severity | Location | Control | Message |\n| --- | --- | --- | --- |';

function capitalized(severity: Severity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

function verdict(report: ScanReport): string {
  const failed = report.findings.filter((finding) => finding.status === 'failed').length;
  const inputErrors = report.errors.filter((error) => error.severity === 'error').length;
  const incomplete = inputErrors > 0 || report.summary.errors > 0;
  const head = failed > 0 ? 'failed' : incomplete ? 'incomplete' : 'passed';
  const parts = [failed > 0 ? plural(failed, 'failed finding') : 'no failed findings'];
  parts.push(`${plural(report.summary.resources, 'resource')} scanned`);
  if (report.summary.score !== undefined) parts.push(`score ${report.summary.score.toFixed(1)}%`);
  if (incomplete) {
    const errors = inputErrors + report.summary.errors;
    parts.push(`${plural(errors, 'error')}: the scan is incomplete`);
  }
  return `### cubecape scan: ${head}\n\n${parts.join(' · ')}`;
}

function severityTable(report: ScanReport): string {
  const rows = SEVERITIES.map(
    (severity) =>
      `| ${capitalized(severity)} | ${formatCount(report.summary.bySeverity[severity])} |`,
  );
  return ['| Severity | Failed findings |', '| --- | ---: |', ...rows].join('\n');
}

function scoreTable(report: ScanReport): string | undefined {
  if (report.frameworks.length === 0 && report.summary.score === undefined) return undefined;
  const score = (value: number | undefined): string =>
    value === undefined ? 'n/a' : `${value.toFixed(1)}%`;
  const rows = report.frameworks
    .slice(0, MAX_FRAMEWORKS)
    .map(
      (framework) =>
        `| ${mdText(framework.name, 80)} (${mdText(framework.id, 40)}) | ${score(framework.score)} |`,
    );
  rows.push(`| **Overall** | ${score(report.summary.score)} |`);
  return ['| Framework | Score |', '| --- | ---: |', ...rows].join('\n');
}

function findingRow(finding: ReportFinding, view: View): string {
  const { file, line } = findingPosition(finding, view);
  const path = file === undefined ? undefined : (artifactText(file, view.cwd) ?? '<stdin>');
  const where =
    path === undefined
      ? mdText(finding.resourceId, 120)
      : `${mdText(path, 120)}${line === undefined ? '' : `:${line}`}`;
  return `| ${capitalized(finding.severity)} | ${where} | ${mdText(finding.controlId, 80)} | ${mdText(finding.message)} |`;
}

/** Room for the errors list: input errors matter, but findings get most of the comment. */
const ERRORS_BUDGET = 10_000;

function errorsSection(report: ScanReport, view: View): string | undefined {
  const errors = report.errors.filter((error) => error.severity === 'error');
  if (errors.length === 0) return undefined;
  const items: string[] = [];
  let used = 0;
  for (const error of errors) {
    const file =
      error.file === undefined ? undefined : (artifactText(error.file, view.cwd) ?? '<stdin>');
    const line = error.line === undefined ? '' : `:${error.line}`;
    const where = file === undefined ? '' : `${mdText(file, 120)}${line}: `;
    const item = `- ${where}${mdText(error.code, 60)}: ${mdText(error.message)}`;
    if (used + item.length > ERRORS_BUDGET) break;
    items.push(item);
    used += item.length + 1;
  }
  if (errors.length > items.length) {
    items.push(`- and ${formatCount(errors.length - items.length)} more; see the full report`);
  }
  const summary = `Errors (${formatCount(errors.length)}): these inputs were not scanned`;
  return `<details><summary>${summary}</summary>\n\n${items.join('\n')}\n\n</details>`;
}

/** The top findings as a table, the rest folded, both cut to fit `budget` characters. */
function findingsSection(
  total: number,
  rowAt: (index: number) => string,
  budget: number,
): string | undefined {
  if (total === 0) return undefined;
  const parts = ['#### Failed findings', '', TABLE_HEAD];
  let used = parts.join('\n').length + 200;
  let shown = 0;
  const take = (target: string[], limit: number): void => {
    while (shown < limit && shown < total) {
      const row = rowAt(shown);
      if (used + row.length + 1 > budget) return;
      target.push(row);
      used += row.length + 1;
      shown += 1;
    }
  };
  take(parts, MARKDOWN_TOP);
  if (shown < total && shown === MARKDOWN_TOP) {
    const folded: string[] = [];
    take(folded, total);
    if (folded.length > 0) {
      parts.push(
        '',
        `<details><summary>${plural(folded.length, 'more finding')}</summary>`,
        '',
        TABLE_HEAD,
        ...folded,
        '',
        '</details>',
      );
    }
  }
  const hidden = total - shown;
  if (hidden > 0)
    parts.push('', `_${plural(hidden, 'more finding')} not shown; see the full report._`);
  return parts.join('\n');
}

/**
 * A pull-request comment: verdict, failed findings by severity, framework scores, the most
 * severe findings (the first {@link MARKDOWN_TOP} in a table, the rest folded in `<details>`)
 * and input errors, kept under {@link MARKDOWN_LIMIT} characters. Every value from the scanned
 * manifests is escaped so it cannot inject markup or break a table.
 */
export function markdown(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const failed = report.findings
    .filter((finding) => finding.status === 'failed')
    .sort(findingOrder(view));
  const count = (status: string): number =>
    report.findings.filter((f) => f.status === status).length;
  const footer = `<sub>cubecape ${mdText(report.tool.version, 40)} · ${plural(count('excepted'), 'excepted finding')} · ${plural(count('skipped'), 'skipped check')}</sub>`;
  const head = [verdict(report), severityTable(report), scoreTable(report)];
  const errors = errorsSection(report, view);
  const fixed = [...head, errors, footer].filter((part) => part !== undefined).join('\n\n');
  // Rows are rendered lazily: a huge scan only escapes the findings that fit.
  const rowAt = (index: number): string => {
    const finding = failed[index];
    return finding === undefined ? '' : findingRow(finding, view);
  };
  const findings = findingsSection(failed.length, rowAt, MARKDOWN_LIMIT - fixed.length);
  const parts = [...head, findings, errors, footer].filter((part) => part !== undefined);
  return `${parts.join('\n\n')}\n`;
}
