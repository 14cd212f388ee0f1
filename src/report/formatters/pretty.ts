import { toDotted } from '../../core/json-path.js';
import type { ReportError, ReportFinding, ScanReport } from '../scan-report.js';
import {
  createView,
  displayPath,
  findingOrder,
  findingPosition,
  formatCount,
  resourceLabel,
  severityTag,
  where,
  type View,
} from './pretty-view.js';
import { summarySection } from './pretty-summary.js';
import { imageVulnerabilitiesSection } from './pretty-vulns.js';
import {
  characterCount,
  displayWidth,
  safeText,
  truncateLine,
  wrapValue,
  wrapWords,
} from './terminal-text.js';
import type { FormatContext } from './types.js';

/** Lines of evidence shown before it is cut; the JSON report always has the whole value. */
const EVIDENCE_LINES = 3;
const BODY_INDENT = '      ';
const LABEL_WIDTH = 7;
/** Under the control id of a compact entry: two spaces, the severity tag and a space. */
const QUIET_INDENT = ' '.repeat(11);

interface ResourceGroup {
  readonly resourceId: string;
  readonly findings: ReportFinding[];
}

interface FileGroup {
  readonly file: string | undefined;
  readonly resources: ResourceGroup[];
}

/** Groups sorted findings by file, then resource, keeping the order of first appearance. */
function groupFindings(findings: readonly ReportFinding[], view: View): FileGroup[] {
  const files = new Map<string | undefined, FileGroup>();
  for (const finding of findings) {
    const file = findingPosition(finding, view).file;
    let group = files.get(file);
    if (group === undefined) {
      group = { file, resources: [] };
      files.set(file, group);
    }
    let resource = group.resources.find((r) => r.resourceId === finding.resourceId);
    if (resource === undefined) {
      resource = { resourceId: finding.resourceId, findings: [] };
      group.resources.push(resource);
    }
    resource.findings.push(finding);
  }
  return [...files.values()];
}

function labelled(label: string, text: string, view: View): string {
  return `${BODY_INDENT}${view.c.dim(label.padEnd(LABEL_WIDTH))}${text}`;
}

function evidenceLines(evidence: string, view: View): string[] {
  if (evidence === '') return [labelled('found', view.c.dim('""'), view)];
  const width = view.width - BODY_INDENT.length - LABEL_WIDTH;
  const { lines, truncated } = wrapValue(evidence, width, EVIDENCE_LINES);
  const out = lines.map((line, index) =>
    index === 0 ? labelled('found', line, view) : labelled('', line, view),
  );
  if (truncated) {
    const total = formatCount(characterCount(evidence));
    const note = `(cut: ${total} characters in full; --format json has all)`;
    out.push(...wrapWords(note, width).map((line) => labelled('', view.c.dim(line), view)));
  }
  return out;
}

function headLine(finding: ReportFinding, view: View): string {
  const { c } = view;
  const id = safeText(finding.controlId);
  const head = `    ${severityTag(finding.severity, c)} ${c.bold(id)}`;
  const title = view.controls.get(finding.controlId)?.title ?? '';
  const room = view.width - 4 - 9 - displayWidth(id) - 2;
  // On a narrow terminal the id is enough; the title is a reminder, not information.
  if (title === '' || room < 8) return head;
  return `${head}  ${truncateLine(title, room)}`;
}

/** `at file:line:col  json.path`; the path moves to its own line when both do not fit. */
function locationLines(finding: ReportFinding, view: View): string[] {
  const position = findingPosition(finding, view);
  const at = where(position.file, position.line, position.column, view.cwd);
  const path = finding.path.length === 0 ? '' : safeText(toDotted(finding.path));
  const room = view.width - BODY_INDENT.length - LABEL_WIDTH;
  if (at === undefined)
    return path === '' ? [] : [labelled('at', view.c.dim(truncateLine(path, room)), view)];
  if (path === '') return [labelled('at', at, view)];
  if (displayWidth(at) + 2 + displayWidth(path) <= room) {
    return [labelled('at', `${at}  ${view.c.dim(path)}`, view)];
  }
  return [labelled('at', at, view), labelled('', view.c.dim(truncateLine(path, room)), view)];
}

function remediationLine(finding: ReportFinding, view: View): string | undefined {
  const remediation = view.controls.get(finding.controlId)?.remediation;
  const firstLine = remediation
    ?.split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  if (firstLine === undefined) return undefined;
  // A hint, not the whole advice: the first sentence; `cubecape explain` has the rest.
  const first = /^.+?[.!?](?=\s+[A-Z])/.exec(firstLine)?.[0] ?? firstLine;
  const width = view.width - BODY_INDENT.length - LABEL_WIDTH;
  return labelled('fix', view.c.dim(truncateLine(first, width)), view);
}

function findingBlock(finding: ReportFinding, view: View): string[] {
  const message = wrapWords(finding.message, view.width - BODY_INDENT.length);
  const lines = [headLine(finding, view), ...message.map((line) => `${BODY_INDENT}${line}`)];
  lines.push(...locationLines(finding, view));
  if (finding.evidence !== undefined) lines.push(...evidenceLines(finding.evidence, view));
  const fix = remediationLine(finding, view);
  if (fix !== undefined) lines.push(fix);
  return lines;
}

function failedSection(report: ScanReport, view: View): string[] {
  const failed = report.findings.filter((f) => f.status === 'failed').sort(findingOrder(view));
  const lines: string[] = [];
  for (const group of groupFindings(failed, view)) {
    if (lines.length > 0) lines.push('');
    const file = group.file === undefined ? 'no source file' : displayPath(group.file, view.cwd);
    lines.push(view.c.bold(view.c.underline(file)));
    for (const [index, resource] of group.resources.entries()) {
      if (index > 0) lines.push('');
      const label = resourceLabel(view.resources.get(resource.resourceId), resource.resourceId);
      lines.push(`  ${view.c.bold(truncateLine(label, view.width - 2))}`);
      for (const finding of resource.findings) lines.push('', ...findingBlock(finding, view));
    }
  }
  return lines;
}

function exceptionText(finding: ReportFinding): string | undefined {
  const exception = finding.exception;
  if (exception === undefined) return undefined;
  const details = [
    exception.owner,
    exception.ticket,
    exception.expires === undefined ? undefined : `expires ${exception.expires}`,
  ].filter((part) => part !== undefined);
  const suffix = details.length === 0 ? '' : ` (${details.join(', ')})`;
  return `exception ${exception.name}: ${exception.reason}${suffix}`;
}

/** Severity, control id, then the resource and location while they fit; else on their own lines. */
function quietHead(
  finding: ReportFinding,
  extras: readonly (string | undefined)[],
  view: View,
): string[] {
  const { c } = view;
  const id = safeText(finding.controlId);
  const room = view.width - QUIET_INDENT.length;
  const lines: string[] = [];
  let head = `  ${severityTag(finding.severity, c)} ${c.bold(id)}`;
  let used = QUIET_INDENT.length + displayWidth(id);
  for (const text of extras) {
    if (text === undefined) continue;
    const width = displayWidth(text);
    if (used + 2 + width <= view.width) {
      head += `  ${text}`;
      used += 2 + width;
    } else {
      lines.push(head);
      head = QUIET_INDENT + truncateLine(text, room);
      used = QUIET_INDENT.length + Math.min(width, room);
    }
  }
  lines.push(head);
  return lines;
}

/** Excepted or skipped findings, one compact entry each (verbose only). */
function quietFindingsSection(
  report: ScanReport,
  view: View,
  status: 'excepted' | 'skipped',
): string[] {
  const findings = report.findings.filter((f) => f.status === status).sort(findingOrder(view));
  if (findings.length === 0) return [];
  const { c } = view;
  const title = status === 'excepted' ? 'Excepted findings' : 'Skipped findings';
  const lines = [c.bold(`${title} (${formatCount(findings.length)})`)];
  for (const finding of findings) {
    const resource = resourceLabel(view.resources.get(finding.resourceId), finding.resourceId);
    const position = findingPosition(finding, view);
    const at = where(position.file, position.line, position.column, view.cwd);
    lines.push(...quietHead(finding, [resource, at], view));
    const detail =
      status === 'excepted' ? (exceptionText(finding) ?? finding.message) : finding.message;
    lines.push(
      ...wrapWords(detail, view.width - QUIET_INDENT.length).map((line) => QUIET_INDENT + line),
    );
  }
  return lines;
}

function skippedControlsSection(report: ScanReport, view: View): string[] {
  const skipped = report.controls.filter((control) => control.status === 'skipped');
  if (skipped.length === 0) return [];
  const lines = [view.c.bold(`Skipped controls (${formatCount(skipped.length)})`)];
  for (const control of skipped) {
    const reason = control.skipReason ?? 'every resource was skipped';
    lines.push(
      `  ${safeText(control.id)}  ${view.c.dim(truncateLine(reason, view.width - control.id.length - 4))}`,
    );
  }
  return lines;
}

function issueLines(issue: ReportError, view: View): string[] {
  const at = where(issue.file, issue.line, issue.column, view.cwd);
  const code = view.c.dim(safeText(issue.code));
  const head = `  ${at === undefined ? code : `${at}  ${code}`}`;
  return [head, ...wrapWords(issue.message, view.width - 4).map((line) => `    ${line}`)];
}

function issuesSection(
  report: ScanReport,
  view: View,
  severity: ReportError['severity'],
): string[] {
  const issues = report.errors.filter((issue) => issue.severity === severity);
  if (issues.length === 0) return [];
  const title =
    severity === 'error'
      ? view.c.bold(
          view.c.red(`Errors (${formatCount(issues.length)}): these parts were not scanned`),
        )
      : view.c.bold(`Skipped documents (${formatCount(issues.length)})`);
  return [title, ...issues.flatMap((issue) => issueLines(issue, view))];
}

/**
 * The terminal report: failed findings grouped by file and resource, most severe first, then
 * errors and a summary with scores and a verdict. Excepted and skipped findings are counted;
 * `verbose` lists them too.
 */
export function pretty(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const sections = [
    failedSection(report, view),
    ...(view.verbose
      ? [
          quietFindingsSection(report, view, 'excepted'),
          quietFindingsSection(report, view, 'skipped'),
          skippedControlsSection(report, view),
          issuesSection(report, view, 'warning'),
        ]
      : []),
    imageVulnerabilitiesSection(report, view),
    issuesSection(report, view, 'error'),
    summarySection(report, view),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}
