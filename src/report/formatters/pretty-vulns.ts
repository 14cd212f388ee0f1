import { SEVERITIES, type Severity } from '../../core/severity.js';
import type { ReportVulnerability, ScanReport } from '../scan-report.js';
import { formatCount, plural, severityColor, severityTag, type View } from './pretty-view.js';
import { safeText, truncateLine } from './terminal-text.js';

/** Findings listed per image before the rest are only counted; the JSON report has them all. */
const PER_IMAGE = 20;

function tag(severity: Severity | 'unknown', view: View): string {
  return severity === 'unknown' ? view.c.dim('UNKNOWN ') : severityTag(severity, view.c);
}

function line(vuln: ReportVulnerability, view: View): string {
  const fixed =
    vuln.fixedVersions.length === 0 ? 'no fix' : `fixed in ${vuln.fixedVersions.join(', ')}`;
  const text = `${safeText(vuln.id)}  ${safeText(vuln.package.name)} ${safeText(vuln.package.version)} (${fixed})`;
  return `  ${tag(vuln.severity, view)} ${truncateLine(text, Math.max(20, view.width - 11))}`;
}

/**
 * `cubecape scan --images`: the vulnerabilities of each image, worst first, under the image and
 * the workloads running it; nothing when the scan did not look at images.
 */
export function imageVulnerabilitiesSection(report: ScanReport, view: View): string[] {
  const vulns = report.vulnerabilities;
  if (vulns === undefined || !scannedImages(report)) return [];
  const { c } = view;
  const byImage = new Map<string, ReportVulnerability[]>();
  for (const vuln of vulns) {
    if (vuln.status === 'suppressed') continue;
    const image = vuln.image ?? '';
    byImage.set(image, [...(byImage.get(image) ?? []), vuln]);
  }
  const out: string[] = [c.bold('Image vulnerabilities')];
  if (byImage.size === 0) out.push(c.green('  none found in the images that could be read'));
  for (const [image, found] of byImage) {
    const workloads = found[0]?.workloads ?? [];
    const more = workloads.length > 3 ? ` and ${String(workloads.length - 3)} more` : '';
    const users =
      workloads.length === 0
        ? ''
        : ` used by ${workloads.slice(0, 3).map(safeText).join(', ')}${more}`;
    out.push(c.bold(truncateLine(`${safeText(image)}${users}`, view.width)));
    out.push(...found.slice(0, PER_IMAGE).map((vuln) => line(vuln, view)));
    if (found.length > PER_IMAGE)
      out.push(c.dim(`  … and ${formatCount(found.length - PER_IMAGE)} more (-f json lists all)`));
  }
  return out;
}

/** Whether the scan looked at images (`scan --images`): it then has `image` inputs. */
export function scannedImages(report: ScanReport): boolean {
  return report.inputs.some((input) => input.type === 'image');
}

/** A summary item: its plain text (for measuring) and how to colour it. */
export type VulnItem = readonly [text: string, paint: (text: string) => string];

/** The items of the summary's vulnerability row, when the scan looked at images. */
export function vulnerabilityItems(report: ScanReport, view: View): VulnItem[] {
  const summary = report.summary.vulnerabilities;
  if (summary === undefined || !scannedImages(report)) return [];
  const { c } = view;
  const active = summary.total - summary.suppressed;
  if (active === 0) return [['none', c.green]];
  const items: VulnItem[] = [[plural(active, 'vulnerability', 'vulnerabilities'), c.bold]];
  for (const severity of SEVERITIES)
    if (summary.bySeverity[severity] > 0)
      items.push([
        `${formatCount(summary.bySeverity[severity])} ${severity}`,
        severityColor(severity, c),
      ]);
  if (summary.bySeverity.unknown > 0)
    items.push([`${formatCount(summary.bySeverity.unknown)} unknown`, c.dim]);
  items.push([`${formatCount(summary.fixable)} fixable`, (text: string) => text]);
  return items;
}
