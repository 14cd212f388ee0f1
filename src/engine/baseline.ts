import { CubecapeError } from '../core/errors.js';
import { isSeverity } from '../core/severity.js';
import { groupOf, identityOf, isRecord } from '../model/resource.js';
import {
  READABLE_REPORT_API_VERSIONS,
  type BaselineSummary,
  type ReportFinding,
  type ReportResource,
  type ScanReport,
} from '../report/scan-report.js';
import { effectiveNamespace } from './exceptions/match.js';

/** The parts of a ScanReport that comparing two scans reads; validated by {@link parseReportJson}. */
export type ComparableReport = Pick<
  ScanReport,
  'apiVersion' | 'kind' | 'tool' | 'scannedAt' | 'findings' | 'resources'
>;

const FINDING_STATUSES = ['failed', 'excepted', 'skipped', 'error'];

function invalid(file: string, message: string): CubecapeError {
  return new CubecapeError('REPORT_INVALID', message, { file });
}

function checkResource(value: unknown, index: number, file: string): void {
  const at = `resources[${index}]`;
  if (!isRecord(value)) throw invalid(file, `${at}: expected an object`);
  for (const key of ['id', 'apiVersion', 'kind', 'name']) {
    if (typeof value[key] !== 'string') throw invalid(file, `${at}.${key}: expected a string`);
  }
  if (value['namespace'] !== undefined && typeof value['namespace'] !== 'string') {
    throw invalid(file, `${at}.namespace: expected a string`);
  }
}

function checkFinding(value: unknown, index: number, file: string): void {
  const at = `findings[${index}]`;
  if (!isRecord(value)) throw invalid(file, `${at}: expected an object`);
  for (const key of ['controlId', 'resourceId', 'messageId', 'message']) {
    if (typeof value[key] !== 'string') throw invalid(file, `${at}.${key}: expected a string`);
  }
  if (typeof value['status'] !== 'string' || !FINDING_STATUSES.includes(value['status'])) {
    throw invalid(file, `${at}.status: expected one of ${FINDING_STATUSES.join(', ')}`);
  }
  if (!isSeverity(value['severity'])) throw invalid(file, `${at}.severity: expected a severity`);
  const path = value['path'];
  if (
    !Array.isArray(path) ||
    !path.every((segment) => typeof segment === 'string' || typeof segment === 'number')
  ) {
    throw invalid(file, `${at}.path: expected a list of keys and indexes`);
  }
}

/**
 * Parses a ScanReport written by `cubecape scan -f json` (a baseline, or an input of
 * `cubecape diff`). Checks the envelope and every field comparison reads, so a wrong file is a
 * usage error naming it (`REPORT_INVALID`, exit 2), never a silently empty baseline.
 */
export function parseReportJson(text: string, file: string): ComparableReport {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new CubecapeError(
      'REPORT_INVALID',
      'expected a ScanReport in JSON (cubecape scan -f json), got text that is not JSON',
      { file, cause: error },
    );
  }
  const expected = `expected a ScanReport (apiVersion ${READABLE_REPORT_API_VERSIONS.join(' or ')}, kind ScanReport) as written by cubecape scan -f json`;
  if (!isRecord(value)) throw invalid(file, `${expected}, got JSON that is not an object`);
  const version = value['apiVersion'];
  if (
    typeof version !== 'string' ||
    !READABLE_REPORT_API_VERSIONS.includes(version) ||
    value['kind'] !== 'ScanReport'
  ) {
    const got = `apiVersion ${JSON.stringify(value['apiVersion'] ?? null)}, kind ${JSON.stringify(value['kind'] ?? null)}`;
    throw invalid(file, `${expected}, got ${got}`);
  }
  const { findings, resources } = value;
  if (!Array.isArray(findings)) throw invalid(file, 'findings: expected a list');
  if (!Array.isArray(resources)) throw invalid(file, 'resources: expected a list');
  resources.forEach((resource: unknown, index) => {
    checkResource(resource, index, file);
  });
  findings.forEach((finding: unknown, index) => {
    checkFinding(finding, index, file);
  });
  return value as unknown as ComparableReport;
}

/**
 * Maps a report's resource ids to identities that survive between scans: group, kind,
 * namespace (`default` when a namespaced manifest gives none) and name. The `@file#document`
 * suffix, file names and lines are left out, so moving or renaming a file changes nothing.
 */
export function identityResolver(
  resources: readonly ReportResource[],
): (resourceId: string) => string {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  return (resourceId) => {
    const resource = byId.get(resourceId);
    if (resource === undefined) {
      // Not listed (a hand-edited report): Kubernetes names never contain '@', so cut there.
      const at = resourceId.indexOf('@');
      return at === -1 ? resourceId : resourceId.slice(0, at);
    }
    return identityOf(
      groupOf(resource.apiVersion),
      resource.kind,
      effectiveNamespace(resource),
      resource.name,
    );
  };
}

/** A violation is a failed or excepted finding: something wrong, fixed or not. */
export function isViolation(finding: Pick<ReportFinding, 'status'>): boolean {
  return finding.status === 'failed' || finding.status === 'excepted';
}

/** The key two scans' findings are matched on: control, resource identity, JSON path, message id. */
export function violationKey(
  finding: ReportFinding,
  identity: (resourceId: string) => string,
): string {
  return JSON.stringify([
    finding.controlId,
    identity(finding.resourceId),
    finding.path,
    finding.messageId,
  ]);
}

/** How the violations of two scans pair up. */
export interface ViolationComparison {
  /** Current violations with a counterpart in the previous scan. */
  readonly existing: ReadonlySet<ReportFinding>;
  /** Current violations without one, in report order. */
  readonly introduced: readonly ReportFinding[];
  /** Previous violations without a counterpart now, in report order. */
  readonly resolved: readonly ReportFinding[];
}

/**
 * Pairs violations of two scans by {@link violationKey}, as multisets: two identical findings
 * before and three now are two existing and one introduced.
 */
export function compareViolations(
  previous: ComparableReport,
  current: ComparableReport,
): ViolationComparison {
  const previousIdentity = identityResolver(previous.resources);
  const currentIdentity = identityResolver(current.resources);
  const pending = new Map<string, ReportFinding[]>();
  for (const finding of previous.findings) {
    if (!isViolation(finding)) continue;
    const key = violationKey(finding, previousIdentity);
    const list = pending.get(key) ?? [];
    list.push(finding);
    pending.set(key, list);
  }
  const existing = new Set<ReportFinding>();
  const introduced: ReportFinding[] = [];
  for (const finding of current.findings) {
    if (!isViolation(finding)) continue;
    const match = pending.get(violationKey(finding, currentIdentity))?.shift();
    if (match === undefined) introduced.push(finding);
    else existing.add(finding);
  }
  const leftOver = new Set([...pending.values()].flat());
  const resolved = previous.findings.filter((finding) => leftOver.has(finding));
  return { existing, introduced, resolved };
}

/**
 * Marks every failed finding of `report` as `new` or `existing` against a baseline report and
 * adds `summary.baseline`. Excepted findings take part in the matching but carry no mark.
 */
export function applyBaseline(report: ScanReport, baseline: ComparableReport): ScanReport {
  const comparison = compareViolations(baseline, report);
  const counts = { new: 0, existing: 0 };
  const findings = report.findings.map((finding): ReportFinding => {
    if (finding.status !== 'failed') return finding;
    const mark = comparison.existing.has(finding) ? 'existing' : 'new';
    counts[mark]++;
    return { ...finding, baseline: mark };
  });
  const summary: BaselineSummary = { ...counts, resolved: comparison.resolved.length };
  return { ...report, findings, summary: { ...report.summary, baseline: summary } };
}
