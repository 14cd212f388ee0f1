import type { Severity } from '../../core/severity.js';
import type { ReportControl, ReportFinding, ScanReport } from '../scan-report.js';
import { artifactText } from './artifact-path.js';
import { findingFingerprint, uuidFromDigest } from './finding-identity.js';
import { createView, findingOrder, findingPosition, type View } from './pretty-view.js';
import { controlHelpUri } from './sarif-rules.js';
import type { FormatContext } from './types.js';

/** The GitLab security report schema version this output follows. */
export const GITLAB_SCHEMA_VERSION = '15.2.1';
const SCHEMA_URL = `https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v${GITLAB_SCHEMA_VERSION}/dist/sast-report-format.json`;

const SEVERITY: Readonly<Record<Severity, string>> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  info: 'Info',
};

/** Schema limits: vulnerability name ≤ 255, solution ≤ 7,000; identifiers 1–20. */
const NAME_LIMIT = 255;
const SOLUTION_LIMIT = 7_000;
const DESCRIPTION_LIMIT = 50_000;
const EVIDENCE_LIMIT = 2_000;
const MAX_IDENTIFIERS = 20;

type Json = Record<string, unknown>;

function cut(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** `YYYY-MM-DDTHH:MM:SS` in UTC, the only form the schema's time pattern accepts. */
function gitlabTime(ms: number): string {
  return new Date(Number.isFinite(ms) ? ms : 0).toISOString().slice(0, 19);
}

/** The control first (GitLab's primary identifier), then its ids in other tools. */
function identifiers(controlId: string, control: ReportControl | undefined): Json[] {
  const out: Json[] = [
    {
      type: 'cubecape_control',
      name: `cubecape ${controlId}`,
      value: controlId,
      url: controlHelpUri(controlId),
    },
  ];
  for (const [tool, ids] of Object.entries(control?.aliases ?? {})) {
    for (const id of ids ?? []) {
      if (id !== '') out.push({ type: `${tool}_control`, name: `${tool} ${id}`, value: id });
    }
  }
  return out.slice(0, MAX_IDENTIFIERS);
}

function description(
  finding: ReportFinding,
  control: ReportControl | undefined,
  where: string,
): string {
  const lines = [finding.message, '', `Resource: ${finding.resourceId}`];
  if (where !== '') lines.push(`Location: ${where}`);
  if (finding.evidence !== undefined) lines.push(`Found: ${cut(finding.evidence, EVIDENCE_LIMIT)}`);
  if (control !== undefined) lines.push('', control.description);
  return cut(lines.join('\n'), DESCRIPTION_LIMIT);
}

function vulnerability(finding: ReportFinding, view: View): Json {
  const control = view.controls.get(finding.controlId);
  const resource = view.resources.get(finding.resourceId);
  const position = findingPosition(finding, view);
  const file = position.file === undefined ? undefined : artifactText(position.file, view.cwd);
  const location: Json = {};
  if (file !== undefined) location['file'] = file;
  if (file !== undefined && position.line !== undefined && position.line >= 1) {
    location['start_line'] = position.line;
    location['end_line'] = position.line;
  }
  const where =
    file === undefined ? '' : `${file}${position.line === undefined ? '' : `:${position.line}`}`;
  const out: Json = {
    id: uuidFromDigest(findingFingerprint(finding, resource, file)),
    name: cut(control?.title ?? finding.controlId, NAME_LIMIT),
    description: description(finding, control, where),
    severity: SEVERITY[finding.severity],
  };
  const solution = control?.remediation;
  if (solution !== undefined && solution !== '') out['solution'] = cut(solution, SOLUTION_LIMIT);
  out['identifiers'] = identifiers(finding.controlId, control);
  out['links'] = [{ name: 'cubecape control reference', url: controlHelpUri(finding.controlId) }];
  out['location'] = location;
  return out;
}

function scan(report: ScanReport, cwd: string | undefined): Json {
  const started = Date.parse(report.scannedAt);
  const tool = {
    id: 'cubecape',
    name: 'cubecape',
    url: 'https://cubecape.io',
    vendor: { name: 'cubecape' },
    version: report.tool.version,
  };
  const inputErrors = report.errors.filter((error) => error.severity === 'error');
  const messages = report.errors.map((error) => ({
    level: error.severity === 'error' ? 'warn' : 'info',
    value: `${error.file === undefined ? '' : `${artifactText(error.file, cwd) ?? '<stdin>'}: `}${error.code}: ${error.message}`,
  }));
  return {
    analyzer: tool,
    scanner: tool,
    type: 'sast',
    start_time: gitlabTime(started),
    end_time: gitlabTime(started + Math.max(0, report.durationMs)),
    status: inputErrors.length > 0 ? 'failure' : 'success',
    messages,
  };
}

/**
 * A GitLab SAST security report (schema 15.x) for `artifacts:reports:sast`: one vulnerability
 * per failed finding. Excepted, skipped and errored checks are left out (GitLab has no way to
 * show an accepted risk from the scanner); input errors are scan messages and make the scan
 * status `failure`. Ids are derived from the finding's line-independent fingerprint.
 */
export function gitlabSast(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const failed = report.findings
    .filter((finding) => finding.status === 'failed')
    .sort(findingOrder(view));
  const out = {
    schema: SCHEMA_URL,
    version: GITLAB_SCHEMA_VERSION,
    scan: scan(report, ctx.cwd),
    vulnerabilities: failed.map((finding) => vulnerability(finding, view)),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
