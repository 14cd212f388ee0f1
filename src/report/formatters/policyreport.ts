import { createHash } from 'node:crypto';
import type { DumpOptions } from 'js-yaml';
import { toJsonPointer } from '../../core/json-path.js';
import { isClusterScoped } from '../../model/cluster-scoped.js';
import type { FindingStatus, ReportFinding, ReportResource, ScanReport } from '../scan-report.js';
import { artifactText } from './artifact-path.js';
import { createView, findingOrder, findingPosition, type View } from './pretty-view.js';
import type { FormatContext } from './types.js';
import { jsYaml } from '../../core/lazy-require.js';

const API_VERSION = 'wgpolicyk8s.io/v1alpha2';
/** Namespace of namespaced resources whose manifest names none: where kubectl would put them. */
const DEFAULT_NAMESPACE = 'default';

type PolicyResult = 'pass' | 'fail' | 'warn' | 'error' | 'skip';

const RESULT: Readonly<Record<FindingStatus, PolicyResult>> = {
  failed: 'fail',
  // The API has no "accepted risk": skip says it was not held against the resource.
  excepted: 'skip',
  skipped: 'skip',
  error: 'error',
};

type Json = Record<string, unknown>;

/** A DNS-1123 name for the report object; hostile namespaces get a hash suffix to stay unique. */
function reportName(namespace: string | undefined): string {
  if (namespace === undefined) return 'cubecape-cluster';
  const cleaned = namespace
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (cleaned === namespace && namespace.length <= 63) return `cubecape-${namespace}`;
  const hash = createHash('sha256').update(namespace).digest('hex').slice(0, 8);
  return `cubecape-${cleaned.slice(0, 40)}${cleaned === '' ? '' : '-'}${hash}`;
}

/** Which report a resource's results go in: its namespace, or undefined for the cluster one. */
function scopeOf(resource: ReportResource | undefined): string | undefined {
  if (resource === undefined || isClusterScoped(resource.kind)) return undefined;
  return resource.namespace ?? DEFAULT_NAMESPACE;
}

function resourceRef(resource: ReportResource, namespace: string | undefined): Json {
  const ref: Json = { apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name };
  if (namespace !== undefined) ref['namespace'] = namespace;
  return ref;
}

function properties(finding: ReportFinding, view: View): Record<string, string> {
  const out: Record<string, string> = {
    resourceId: finding.resourceId,
    path: toJsonPointer(finding.path),
  };
  const { file, line } = findingPosition(finding, view);
  if (file !== undefined) {
    out['file'] = artifactText(file, view.cwd) ?? '<stdin>';
    if (line !== undefined) out['line'] = String(line);
  }
  if (finding.evidence !== undefined) out['evidence'] = finding.evidence;
  if (finding.exception !== undefined) {
    out['exception'] = finding.exception.name;
    out['exceptionReason'] = finding.exception.reason;
  }
  return out;
}

function policyResult(
  finding: ReportFinding,
  view: View,
  timestamp: Json,
  namespace: string | undefined,
): Json {
  const resource = view.resources.get(finding.resourceId);
  const control = view.controls.get(finding.controlId);
  const out: Json = {
    source: 'cubecape',
    policy: finding.controlId,
    rule: finding.messageId,
    result: RESULT[finding.status],
    severity: finding.severity,
  };
  const category = control?.frameworks[0];
  if (category !== undefined) out['category'] = category;
  out['message'] = finding.message;
  out['scored'] = finding.status === 'failed';
  if (resource !== undefined) out['resources'] = [resourceRef(resource, namespace)];
  out['properties'] = properties(finding, view);
  out['timestamp'] = timestamp;
  return out;
}

function summary(results: readonly Json[]): Record<PolicyResult, number> {
  const counts: Record<PolicyResult, number> = { pass: 0, fail: 0, warn: 0, error: 0, skip: 0 };
  for (const result of results) counts[result['result'] as PolicyResult] += 1;
  return counts;
}

function reportObject(namespace: string | undefined, results: readonly Json[]): Json {
  const metadata: Json = { name: reportName(namespace) };
  if (namespace !== undefined) metadata['namespace'] = namespace;
  metadata['labels'] = { 'app.kubernetes.io/managed-by': 'cubecape' };
  return {
    apiVersion: API_VERSION,
    kind: namespace === undefined ? 'ClusterPolicyReport' : 'PolicyReport',
    metadata,
    summary: summary(results),
    results,
  };
}

/** `{ seconds, nanos }` of the scan's start, as the PolicyReport API wants timestamps. */
function timestampOf(scannedAt: string): Json {
  const ms = Date.parse(scannedAt);
  const safe = Number.isFinite(ms) ? ms : 0;
  return { seconds: Math.floor(safe / 1000), nanos: (safe % 1000) * 1_000_000 };
}

/**
 * Kubernetes PolicyReport objects (wgpolicyk8s.io/v1alpha2) as multi-document YAML: a
 * `PolicyReport` per namespace with a scanned resource, then one `ClusterPolicyReport` for
 * cluster-scoped resources (and findings whose resource is unknown). A result per finding:
 * failed → fail, excepted and skipped → skip, error → error. Passed checks are only counted in
 * the ScanReport, which does not name the resources that passed, so `summary.pass` stays 0.
 */
export function policyreport(report: ScanReport, ctx: FormatContext): string {
  const view = createView(report, ctx);
  const timestamp = timestampOf(report.scannedAt);
  const namespaces = new Map<string, Json[]>();
  for (const resource of report.resources) {
    const scope = scopeOf(resource);
    if (scope !== undefined && !namespaces.has(scope)) namespaces.set(scope, []);
  }
  const cluster: Json[] = [];
  for (const finding of [...report.findings].sort(findingOrder(view))) {
    const scope = scopeOf(view.resources.get(finding.resourceId));
    const bucket = scope === undefined ? cluster : (namespaces.get(scope) ?? []);
    if (scope !== undefined) namespaces.set(scope, bucket);
    bucket.push(policyResult(finding, view, timestamp, scope));
  }
  const ordered = [...namespaces.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const objects = [
    ...ordered.map((namespace) => reportObject(namespace, namespaces.get(namespace) ?? [])),
    reportObject(undefined, cluster),
  ];
  const options: DumpOptions = {
    noRefs: true,
    lineWidth: -1,
    noCompatMode: true,
    quotingType: '"',
  };
  return objects.map((object) => `---\n${jsYaml().dump(object, options)}`).join('');
}
