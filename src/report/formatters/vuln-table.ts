import pc from 'picocolors';
import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { ReportVulnerability, ScanReport } from '../scan-report.js';
import { safeText, truncateLine } from './terminal-text.js';
import type { FormatContext } from './types.js';

type Colors = ReturnType<typeof pc.createColors>;
const GROUPS: readonly (Severity | 'unknown')[] = [...SEVERITIES, 'unknown'];

function paint(severity: Severity | 'unknown', text: string, c: Colors): string {
  switch (severity) {
    case 'critical':
      return c.bold(c.magenta(text));
    case 'high':
      return c.red(text);
    case 'medium':
      return c.yellow(text);
    case 'low':
      return c.blue(text);
    default:
      return c.dim(text);
  }
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function rows(vulns: readonly ReportVulnerability[]): string[][] {
  return vulns.map((v) => [
    safeText(v.id),
    safeText(v.package.name),
    safeText(v.package.version),
    safeText(v.fixedVersions.length === 0 ? '-' : v.fixedVersions.join(', ')),
    v.cvss === undefined ? '-' : v.cvss.score.toFixed(1),
    safeText(v.locations[0]?.path ?? '-'),
  ]);
}

function table(vulns: readonly ReportVulnerability[], width: number, c: Colors): string[] {
  const header = ['ID', 'PACKAGE', 'INSTALLED', 'FIXED IN', 'CVSS', 'PATH'];
  const body = rows(vulns);
  const widths = header.map((h, i) =>
    Math.min(48, Math.max(h.length, ...body.map((r) => (r[i] ?? '').length))),
  );
  const line = (cells: readonly string[]): string =>
    truncateLine(
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
        .join('  '),
      width,
    );
  return [c.dim(line(header)), ...body.map((r) => `  ${line(r)}`.slice(2))].map((l) => `  ${l}`);
}

/**
 * Vulnerability findings for a terminal: grouped by severity (worst first), one table per group,
 * suppressed findings listed last with their VEX justification, then a one-line summary.
 */
export function vulnTable(report: ScanReport, ctx: FormatContext): string {
  const c = pc.createColors(ctx.color);
  const width = Math.max(60, Math.min(ctx.width, 240));
  const vulns = report.vulnerabilities ?? [];
  const out: string[] = [];
  const target = report.inputs.map((i) => `${i.type} ${safeText(i.target)}`).join(', ');
  out.push(c.bold(`Vulnerabilities in ${target}`), '');
  const active = vulns.filter((v) => v.status !== 'suppressed');
  for (const severity of GROUPS) {
    const group = active.filter((v) => v.severity === severity);
    if (group.length === 0) continue;
    out.push(paint(severity, `${severity.toUpperCase()} (${String(group.length)})`, c));
    out.push(...table(group, width, c), '');
  }
  const suppressed = vulns.filter((v) => v.status === 'suppressed');
  if (suppressed.length > 0) {
    out.push(c.dim(`SUPPRESSED BY VEX (${String(suppressed.length)})`));
    for (const v of suppressed)
      out.push(
        c.dim(
          truncateLine(
            `  ${safeText(v.id)}  ${safeText(v.package.name)} ${safeText(v.package.version)}  ${v.suppression?.status ?? ''}${v.suppression?.justification === undefined ? '' : `: ${v.suppression.justification}`}`,
            width,
          ),
        ),
      );
    out.push('');
  }
  const summary = report.summary.vulnerabilities;
  if (active.length === 0) out.push(c.green('No vulnerabilities found.'));
  if (summary !== undefined) {
    const counts = GROUPS.filter((s) => summary.bySeverity[s] > 0).map((s) =>
      paint(s, `${String(summary.bySeverity[s])} ${s}`, c),
    );
    out.push(
      `${String(summary.total - summary.suppressed)} vulnerabilities${counts.length === 0 ? '' : ` (${counts.join(', ')})`}, ` +
        `${String(summary.fixable)} fixable, ${String(summary.suppressed)} suppressed`,
    );
  }
  for (const error of report.errors)
    out.push(
      c.yellow(
        `note: ${error.file === undefined ? '' : `${safeText(error.file)}: `}${safeText(error.message)}`,
      ),
    );
  return `${out.join('\n')}\n`;
}
