import pc from 'picocolors';
import { toDotted } from '../core/json-path.js';
import { atLeast, SEVERITIES, severityRank, type Severity } from '../core/severity.js';
import { compareViolations, identityResolver, type ComparableReport } from '../engine/baseline.js';
import { plural, severityTag, where } from './formatters/pretty-view.js';
import { safeText } from './formatters/terminal-text.js';
import {
  type BySeverity,
  type FindingStatus,
  type ReportException,
  type ReportFinding,
  type ReportLocation,
} from './scan-report.js';

/** The ScanDiff format has its own version: it did not change when the ScanReport did. */
export const DIFF_API_VERSION = 'cubecape.io/v1alpha1';

/** One violation that appeared or disappeared between two scans. */
export interface DiffEntry {
  readonly controlId: string;
  readonly severity: Severity;
  /** `failed` or `excepted`, in the scan it belongs to. */
  readonly status: FindingStatus;
  /** Identity of the resource across scans: `group/Kind/namespace/name`. */
  readonly resource: string;
  readonly messageId: string;
  readonly message: string;
  readonly path: readonly (string | number)[];
  readonly location?: ReportLocation;
  readonly exception?: ReportException;
}

/** What changed between two ScanReports (`cubecape diff OLD NEW`, `-f json`). */
export interface ReportDiff {
  readonly apiVersion: typeof DIFF_API_VERSION;
  readonly kind: 'ScanDiff';
  readonly old: { readonly scannedAt: string; readonly toolVersion: string };
  readonly new: { readonly scannedAt: string; readonly toolVersion: string };
  readonly summary: {
    readonly introduced: number;
    readonly resolved: number;
    readonly unchanged: number;
    /** Introduced failed (not excepted) findings by severity: what a gate looks at. */
    readonly introducedBySeverity: BySeverity;
  };
  readonly introduced: readonly DiffEntry[];
  readonly resolved: readonly DiffEntry[];
}

function toEntry(finding: ReportFinding, identity: (resourceId: string) => string): DiffEntry {
  return {
    controlId: finding.controlId,
    severity: finding.severity,
    status: finding.status,
    resource: identity(finding.resourceId),
    messageId: finding.messageId,
    message: finding.message,
    path: finding.path,
    ...(finding.location === undefined ? {} : { location: finding.location }),
    ...(finding.exception === undefined ? {} : { exception: finding.exception }),
  };
}

function byImportance(a: DiffEntry, b: DiffEntry): number {
  const text = (x: string, y: string): number => (x === y ? 0 : x < y ? -1 : 1);
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    text(a.controlId, b.controlId) ||
    text(a.resource, b.resource) ||
    text(JSON.stringify(a.path), JSON.stringify(b.path))
  );
}

/**
 * Violations (failed or excepted findings) introduced and resolved between two scans, matched
 * as `--baseline` matches them: control, resource identity, JSON path and message id.
 */
export function diffReports(old: ComparableReport, current: ComparableReport): ReportDiff {
  const comparison = compareViolations(old, current);
  const currentIdentity = identityResolver(current.resources);
  const oldIdentity = identityResolver(old.resources);
  const introduced = comparison.introduced
    .map((f) => toEntry(f, currentIdentity))
    .sort(byImportance);
  const resolved = comparison.resolved.map((f) => toEntry(f, oldIdentity)).sort(byImportance);
  const introducedBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    Severity,
    number
  >;
  for (const entry of introduced)
    if (entry.status === 'failed') introducedBySeverity[entry.severity]++;
  return {
    apiVersion: DIFF_API_VERSION,
    kind: 'ScanDiff',
    old: { scannedAt: old.scannedAt, toolVersion: old.tool.version },
    new: { scannedAt: current.scannedAt, toolVersion: current.tool.version },
    summary: {
      introduced: introduced.length,
      resolved: resolved.length,
      unchanged: comparison.existing.size,
      introducedBySeverity,
    },
    introduced,
    resolved,
  };
}

/** Introduced failed findings at or above `threshold`: what fails `cubecape diff`. */
export function introducedAtOrAbove(diff: ReportDiff, threshold: Severity): number {
  return SEVERITIES.filter((s) => atLeast(s, threshold)).reduce(
    (sum, s) => sum + diff.summary.introducedBySeverity[s],
    0,
  );
}

export interface DiffTextOptions {
  readonly color: boolean;
  readonly cwd?: string;
}

function entryLines(
  entry: DiffEntry,
  options: DiffTextOptions,
  c: ReturnType<typeof pc.createColors>,
): string[] {
  const excepted =
    entry.status === 'excepted'
      ? c.dim(` (excepted: ${safeText(entry.exception?.name ?? '?')})`)
      : '';
  const at = where(entry.location?.file, entry.location?.line, entry.location?.column, options.cwd);
  const path = safeText(toDotted(entry.path));
  return [
    `  ${severityTag(entry.severity, c)} ${c.bold(safeText(entry.controlId))}  ${safeText(entry.resource)}${excepted}`,
    `      ${safeText(entry.message)}`,
    ...(at === undefined && path === ''
      ? []
      : [
          `      ${c.dim('at')} ${[at, path].filter((p) => p !== undefined && p !== '').join('  ')}`,
        ]),
  ];
}

/** The diff for people at a terminal: introduced, then resolved, then a one-line summary. */
export function formatDiffText(diff: ReportDiff, options: DiffTextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const section = (
    title: string,
    entries: readonly DiffEntry[],
    paint: (text: string) => string,
  ): void => {
    if (entries.length === 0) return;
    lines.push(paint(c.bold(`${title} (${entries.length})`)));
    for (const entry of entries) lines.push(...entryLines(entry, options, c));
    lines.push('');
  };
  section('Introduced', diff.introduced, c.red);
  section('Resolved', diff.resolved, c.green);
  const { introduced, resolved, unchanged } = diff.summary;
  lines.push(
    `${plural(introduced, 'introduced finding')}, ${plural(resolved, 'resolved finding')}, ${formatUnchanged(unchanged)}`,
  );
  return `${lines.join('\n')}\n`;
}

function formatUnchanged(count: number): string {
  return `${String(count)} unchanged`;
}

/** The diff as JSON (two-space indented), for scripts and pull-request bots. */
export function formatDiffJson(diff: ReportDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
