import { isAbsolute, relative, sep } from 'node:path';
import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import { severityRank, type Severity } from '../../core/severity.js';
import type { ReportControl, ReportFinding, ReportResource, ScanReport } from '../scan-report.js';
import { safeText } from './terminal-text.js';
import type { FormatContext } from './types.js';

/** What the pretty sections share: colours, layout, and the report's indexes. */
export interface View {
  readonly c: Colors;
  /** Usable columns, clamped to a readable range. */
  readonly width: number;
  readonly verbose: boolean;
  readonly cwd: string | undefined;
  readonly controls: ReadonlyMap<string, ReportControl>;
  readonly resources: ReadonlyMap<string, ReportResource>;
}

const MIN_WIDTH = 40;
const MAX_WIDTH = 160;
const DEFAULT_WIDTH = 100;

function clampWidth(width: number): number {
  if (!Number.isFinite(width) || width <= 0) return DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.floor(width)));
}

export function createView(report: ScanReport, ctx: FormatContext): View {
  return {
    c: pc.createColors(ctx.color),
    width: clampWidth(ctx.width),
    verbose: ctx.verbose === true,
    cwd: ctx.cwd,
    controls: new Map(report.controls.map((control) => [control.id, control])),
    resources: new Map(report.resources.map((resource) => [resource.id, resource])),
  };
}

/**
 * How to fix a failed finding: its control's remediation. The JSON report carries it once per
 * control, not on every finding; excepted, skipped and errored findings have none.
 */
export function remediationOfFailed(finding: ReportFinding, view: View): string | undefined {
  return finding.status === 'failed'
    ? view.controls.get(finding.controlId)?.remediation
    : undefined;
}

/** The colour of a severity, the same wherever it is shown. */
export function severityColor(severity: Severity, c: Colors): (text: string) => string {
  switch (severity) {
    case 'critical':
      return (text) => c.bold(c.magenta(text));
    case 'high':
      return (text) => c.bold(c.red(text));
    case 'medium':
      return c.yellow;
    case 'low':
      return c.blue;
    case 'info':
      return c.dim;
  }
}

/** A fixed-width, coloured severity tag: `CRITICAL`, `HIGH    `. */
export function severityTag(severity: Severity, c: Colors): string {
  return severityColor(severity, c)(severity.toUpperCase().padEnd(8));
}

/** A file as the user should see it: relative to cwd when under it, `<stdin>` for `-`; safe. */
export function displayPath(file: string, cwd: string | undefined): string {
  if (file === '-') return '<stdin>';
  if (
    cwd !== undefined &&
    isAbsolute(file) &&
    file.startsWith(cwd.endsWith(sep) ? cwd : cwd + sep)
  ) {
    return safeText(relative(cwd, file));
  }
  return safeText(file);
}

/** `file:line:col`, the form terminals and editors turn into links; omits what is unknown. */
export function where(
  file: string | undefined,
  line: number | undefined,
  column: number | undefined,
  cwd: string | undefined,
): string | undefined {
  if (file === undefined) return undefined;
  let out = displayPath(file, cwd);
  if (line !== undefined) out += `:${line}`;
  if (line !== undefined && column !== undefined) out += `:${column}`;
  return out;
}

/** `Deployment prod/web`, `ClusterRole admin`; the raw id when the resource is not listed. */
export function resourceLabel(resource: ReportResource | undefined, id: string): string {
  if (resource === undefined) return safeText(id);
  const scope = resource.namespace === undefined ? '' : `${resource.namespace}/`;
  return safeText(`${resource.kind} ${scope}${resource.name}`);
}

/** The file and position a finding points at: its own location, else its resource's start. */
export function findingPosition(
  finding: ReportFinding,
  view: View,
): { readonly file?: string; readonly line?: number; readonly column?: number } {
  if (finding.location !== undefined) return finding.location;
  return view.resources.get(finding.resourceId)?.source ?? {};
}

function compareText(a: string, b: string): number {
  // Code-unit order, not localeCompare: output must not depend on the machine's locale.
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Most severe first, then by file, line, column, and ids so that ties are still stable. */
export function findingOrder(view: View): (a: ReportFinding, b: ReportFinding) => number {
  return (a, b) => {
    const pa = findingPosition(a, view);
    const pb = findingPosition(b, view);
    return (
      severityRank(b.severity) - severityRank(a.severity) ||
      compareText(pa.file ?? '\uffff', pb.file ?? '\uffff') ||
      (pa.line ?? 0) - (pb.line ?? 0) ||
      (pa.column ?? 0) - (pb.column ?? 0) ||
      compareText(a.resourceId, b.resourceId) ||
      compareText(a.controlId, b.controlId) ||
      compareText(a.messageId, b.messageId)
    );
  };
}

/** `1,234` whatever the machine's locale. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 finding`, `2 findings`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
