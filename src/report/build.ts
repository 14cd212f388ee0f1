import type { Mutable } from '../core/mutable.js';
import { SEVERITIES, type Severity } from '../core/severity.js';
import type { ControlOutcome, EngineFinding, Evaluation, PairStatus } from '../engine/evaluate.js';
import type { ExceptionOutcome } from '../engine/exceptions/apply.js';
import { complianceScore, controlScore, weightedScore } from '../engine/scoring.js';
import { frameworkControlIds, type FrameworkDefinition } from '../frameworks/define.js';
import type { IngestIssue } from '../ingest/types.js';
import type { Resource } from '../model/resource.js';
import { markOrdered, orderKeys, REPORT_KEY_ORDER } from './formatters/key-order.js';
import {
  REPORT_API_VERSION,
  type ControlStatus,
  type ReportControl,
  type ReportError,
  type ReportException,
  type ReportFinding,
  type ReportFramework,
  type ReportInput,
  type ReportLocation,
  type ReportResource,
  type ScanReport,
} from './scan-report.js';

export interface BuildReportInput {
  readonly toolVersion: string;
  readonly scannedAt: Date;
  readonly durationMs: number;
  readonly inputs: readonly ReportInput[];
  readonly resources: readonly Resource[];
  readonly evaluation: Evaluation;
  /** Frameworks to score in this report. */
  readonly frameworks: readonly FrameworkDefinition[];
  /** Every known framework, to list each control's memberships. */
  readonly allFrameworks: readonly FrameworkDefinition[];
  readonly issues: readonly IngestIssue[];
  /** What exceptions accepted (applyExceptions); absent = none. Its warnings go in `issues`. */
  readonly exceptions?: ExceptionOutcome;
}

/** A control outcome after exceptions: resources whose violations were all accepted moved to `excepted`. */
interface JudgedOutcome extends ControlOutcome {
  readonly counts: Readonly<Record<PairStatus | 'excepted', number>>;
}

function judged(outcome: ControlOutcome, exceptions: ExceptionOutcome | undefined): JudgedOutcome {
  const excepted = exceptions?.exceptedResources.get(outcome.control.id) ?? 0;
  return {
    ...outcome,
    counts: { ...outcome.counts, failed: outcome.counts.failed - excepted, excepted },
  };
}

function toReportResource(resource: Resource): ReportResource {
  // Built in the report's key order (see key-order.ts), without spreads: one per resource.
  const { id, apiVersion, kind, namespace, name } = resource;
  const out: Mutable<ReportResource> =
    namespace === undefined
      ? { id, apiVersion, kind, name }
      : { id, apiVersion, kind, namespace, name };
  const origin = resource.origin;
  if (origin !== undefined) {
    out.source = {
      file: origin.file,
      line: origin.position.line,
      column: origin.position.column,
      documentIndex: origin.documentIndex,
    };
  }
  return out;
}

function locate(finding: EngineFinding): ReportLocation | undefined {
  const origin = finding.resource.origin;
  if (origin === undefined) return undefined;
  const position = origin.sourceMap.locate(finding.path)?.position ?? origin.position;
  return { file: origin.file, line: position.line, column: position.column };
}

const FINDING_ORDER = REPORT_KEY_ORDER.nested?.['findings'];
const FIX_ORDER = FINDING_ORDER?.nested?.['fix'] ?? { keys: [] };
const EXCEPTION_ORDER = FINDING_ORDER?.nested?.['exception'] ?? { keys: [] };

function toReportFinding(
  finding: EngineFinding,
  exception: ReportException | undefined,
): ReportFinding {
  // Assigned in the report's key order (see key-order.ts), not spread: one per finding.
  const out: Mutable<ReportFinding> = {
    controlId: finding.control.id,
    resourceId: finding.resource.id,
    status: exception === undefined ? finding.status : 'excepted',
    severity: finding.control.severity,
    messageId: finding.messageId,
    message: finding.message,
    path: finding.path,
  };
  const location = locate(finding);
  if (location !== undefined) out.location = location;
  if (finding.evidence !== undefined) out.evidence = finding.evidence;
  // Controls and exception files build these nested objects: put their keys in order here.
  if (finding.fix !== undefined) out.fix = orderKeys(finding.fix, FIX_ORDER) as typeof finding.fix;
  if (exception !== undefined)
    out.exception = orderKeys(exception, EXCEPTION_ORDER) as typeof exception;
  return out;
}

function statusOf(outcome: JudgedOutcome): ControlStatus {
  const { passed, failed, excepted, skipped, error } = outcome.counts;
  if (outcome.skipReason !== undefined) return 'skipped';
  if (failed > 0) return 'failed';
  if (error > 0) return 'error';
  if (excepted > 0) return 'excepted';
  if (passed > 0) return 'passed';
  return skipped > 0 ? 'skipped' : 'not-applicable';
}

function toReportControl(
  outcome: JudgedOutcome,
  memberships: ReadonlyMap<string, string[]>,
): ReportControl {
  const { control, counts } = outcome;
  const score = controlScore(outcome);
  return {
    id: control.id,
    title: control.title,
    description: control.description,
    severity: control.severity,
    frameworks: memberships.get(control.id) ?? [],
    aliases: control.aliases,
    remediation: control.remediation,
    status: statusOf(outcome),
    ...(outcome.skipReason === undefined ? {} : { skipReason: outcome.skipReason }),
    counts: {
      passed: counts.passed,
      failed: counts.failed,
      excepted: counts.excepted,
      skipped: counts.skipped,
      error: counts.error,
    },
    ...(score === undefined ? {} : { score }),
  };
}

function toReportFramework(
  framework: FrameworkDefinition,
  outcomes: ReadonlyMap<string, JudgedOutcome>,
): ReportFramework {
  const ids = frameworkControlIds(framework).filter((id) => outcomes.has(id));
  const ran = ids.map((id) => outcomes.get(id)).filter((o) => o !== undefined);
  const score = weightedScore(ran);
  const compliance = complianceScore(ran);
  return {
    id: framework.id,
    name: framework.name,
    version: framework.version,
    ...(score === undefined ? {} : { score }),
    ...(compliance === undefined ? {} : { complianceScore: compliance }),
    controls: ids,
  };
}

function toReportError(issue: IngestIssue): ReportError {
  return {
    code: issue.code,
    message: issue.message,
    severity: issue.severity,
    ...(issue.file === undefined ? {} : { file: issue.file }),
    ...(issue.line === undefined ? {} : { line: issue.line }),
    ...(issue.column === undefined ? {} : { column: issue.column }),
  };
}

/** Control id → ids of the frameworks that include it. */
function membershipsOf(frameworks: readonly FrameworkDefinition[]): Map<string, string[]> {
  const memberships = new Map<string, string[]>();
  for (const framework of frameworks) {
    for (const id of frameworkControlIds(framework)) {
      const list = memberships.get(id) ?? [];
      list.push(framework.id);
      memberships.set(id, list);
    }
  }
  return memberships;
}

function controlErrors(evaluation: Evaluation): ReportError[] {
  return evaluation.findings
    .filter((finding) => finding.status === 'error')
    .map((finding) => ({
      code: 'CONTROL_ERROR',
      message: `${finding.resource.id}: ${finding.message}`,
      severity: 'error' as const,
    }));
}

/** Shapes an evaluation into the ScanReport contract (docs/report-schema.json). */
export function buildReport(input: BuildReportInput): ScanReport {
  const { evaluation, exceptions } = input;
  const memberships = membershipsOf(input.allFrameworks);
  const outcomes = evaluation.outcomes.map((outcome) => judged(outcome, exceptions));
  const outcomeById = new Map(outcomes.map((outcome) => [outcome.control.id, outcome]));
  const findings = markOrdered(
    evaluation.findings.map((finding) =>
      toReportFinding(finding, exceptions?.excepted.get(finding)),
    ),
  );
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) if (finding.status === 'failed') bySeverity[finding.severity]++;
  const total = (key: PairStatus | 'excepted'): number =>
    outcomes.reduce((sum, outcome) => sum + outcome.counts[key], 0);
  const score = weightedScore(outcomes);
  const compliance = complianceScore(outcomes);
  return {
    apiVersion: REPORT_API_VERSION,
    kind: 'ScanReport',
    tool: { name: 'cubecape', version: input.toolVersion },
    scannedAt: input.scannedAt.toISOString(),
    durationMs: input.durationMs,
    inputs: input.inputs,
    resources: markOrdered(input.resources.map(toReportResource)),
    controls: outcomes.map((outcome) => toReportControl(outcome, memberships)),
    findings,
    frameworks: input.frameworks.map((framework) => toReportFramework(framework, outcomeById)),
    summary: {
      resources: input.resources.length,
      controls: evaluation.outcomes.length,
      passed: total('passed'),
      failed: total('failed'),
      excepted: total('excepted'),
      skipped: total('skipped'),
      errors: total('error'),
      bySeverity,
      ...(score === undefined ? {} : { score }),
      ...(compliance === undefined ? {} : { complianceScore: compliance }),
    },
    errors: [...input.issues.map(toReportError), ...controlErrors(evaluation)],
  };
}
