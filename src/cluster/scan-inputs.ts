import { CubecapeError } from '../core/errors.js';
import type { Control } from '../controls/define.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { HelmOptions } from '../ingest/helm/index.js';
import { ingestPaths } from '../ingest/ingest.js';
import { assignIds, type ResourceDraft } from '../ingest/resources.js';
import { DEFAULT_MAX_FILE_BYTES } from '../ingest/types.js';
import type { IngestIssue, IngestOptions, IngestResult } from '../ingest/types.js';
import type { SourceKind } from '../model/context.js';
import type { ReportInput } from '../report/scan-report.js';
import type { ClusterReadOptions, UnreadableKind } from './read-cluster.js';
import { readSnapshotDrafts } from './read-snapshot.js';
import { readSnapshotHeader } from './snapshot.js';

/** What a scan reads: ingested resources plus what the cluster source adds. */
export interface ScanInputs extends IngestResult {
  /** `cluster` for a live cluster or a cubecape snapshot: controls needing live data run. */
  readonly source: SourceKind;
  readonly unreadable: readonly UnreadableKind[];
}

function forbiddenIssues(unreadable: readonly UnreadableKind[], file?: string): IngestIssue[] {
  return unreadable.map((entry) => ({
    code: 'CLUSTER_FORBIDDEN',
    severity: 'error',
    message: `${entry.reason}: controls that need ${entry.kind} are skipped`,
    ...(file === undefined ? {} : { file }),
  }));
}

function withUnreadable(input: ReportInput, unreadable: readonly UnreadableKind[]): ReportInput {
  return unreadable.length === 0
    ? input
    : { ...input, unreadable: unreadable.map((entry) => entry.reason) };
}

async function readLive(
  paths: readonly string[],
  controls: readonly Control[],
  cluster: ClusterReadOptions,
): Promise<ScanInputs> {
  if (paths.length > 0) {
    throw new CubecapeError(
      'USAGE',
      `--cluster scans the cluster; got paths too (${paths.join(', ')}): scan them separately`,
    );
  }
  // Loaded only for live scans: the API client brings in node's HTTP and TLS stacks, which a
  // manifest scan does not need and which took 15-25 ms of every scan's start-up.
  const { clusterResources, readCluster } = await import('./read-cluster.js');
  const read = await readCluster(controls, cluster);
  const resources = clusterResources(read.objects);
  const input: ReportInput = { type: 'cluster', target: `cluster:${read.context}` };
  return {
    resources,
    issues: [...read.issues, ...forbiddenIssues(read.unreadable)],
    inputs: [withUnreadable(input, read.unreadable)],
    filesRead: 0,
    bytesRead: 0,
    source: 'cluster',
    unreadable: read.unreadable,
  };
}

/**
 * Reads a scan's inputs: the live cluster when `cluster` is given, else the paths. A path that
 * names a cubecape snapshot is reported as a `snapshot` input, makes the scan a cluster scan
 * (as the live one was) and carries over the kinds the snapshot could not read.
 */
export async function readScanInputs(
  paths: readonly string[],
  controls: readonly Control[],
  options: IngestOptions & { readonly helm?: HelmOptions; readonly cluster?: ClusterReadOptions },
): Promise<ScanInputs> {
  if (options.cluster !== undefined) return readLive(paths, controls, options.cluster);
  const headers = await Promise.all(
    paths.map((path) => (path === '-' ? Promise.resolve(undefined) : readSnapshotHeader(path))),
  );
  if (headers.every((header) => header === undefined)) {
    return { ...(await ingestPaths(paths, options)), source: 'manifests', unreadable: [] };
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const fast = new Map<string, ResourceDraft[]>();
  for (const [index, path] of paths.entries()) {
    if (headers[index] === undefined || fast.has(path)) continue;
    const drafts = await readSnapshotDrafts(path, maxBytes);
    if (drafts !== undefined) fast.set(path, drafts);
  }
  const rest = paths.filter((path) => !fast.has(path));
  const ingested =
    rest.length === 0
      ? { resources: [], issues: [], inputs: [], filesRead: 0, bytesRead: 0 }
      : await ingestPaths(rest, options);
  const unreadable: UnreadableKind[] = [];
  const issues = [...ingested.issues];
  const byPath = new Map(paths.map((path, index) => [path, headers[index]]));
  const asSnapshot = (input: ReportInput): ReportInput => {
    const header = input.type === 'file' ? byPath.get(input.target) : undefined;
    if (header === undefined) return input;
    unreadable.push(...header.unreadable);
    issues.push(...forbiddenIssues(header.unreadable, input.target));
    return withUnreadable({ type: 'snapshot', target: input.target }, header.unreadable);
  };
  // Inputs keep the order they were given in, whichever reader took them.
  const inputs = paths.flatMap((path) =>
    fast.has(path)
      ? [asSnapshot({ type: 'file', target: path })]
      : ingested.inputs.filter((input) => input.target === path).map(asSnapshot),
  );
  const given = new Set(paths);
  inputs.push(...ingested.inputs.filter((input) => !given.has(input.target)));
  const resources = [...assignIds([...fast.values()].flat()), ...ingested.resources];
  return {
    resources,
    issues,
    inputs,
    filesRead: ingested.filesRead + fast.size,
    bytesRead: ingested.bytesRead,
    source: 'cluster',
    unreadable,
  };
}

/**
 * Skips every control that needs a kind the credentials could not list: its findings are
 * dropped and it reports `skipped` with the reason, never `passed` on partial data.
 */
export function skipUnreadable(
  evaluation: Evaluation,
  unreadable: readonly UnreadableKind[],
): Evaluation {
  if (unreadable.length === 0) return evaluation;
  const reasons = new Map<string, string[]>();
  for (const entry of unreadable) {
    const list = reasons.get(entry.kind) ?? [];
    if (!list.includes(entry.reason)) list.push(entry.reason);
    reasons.set(entry.kind, list);
  }
  const skipped = new Map<Control, string>();
  for (const outcome of evaluation.outcomes) {
    const why = outcome.control.match.kinds.flatMap((kind) => reasons.get(kind) ?? []);
    if (why.length > 0 && outcome.skipReason === undefined) {
      skipped.set(outcome.control, why.join('; '));
    }
  }
  if (skipped.size === 0) return evaluation;
  let evaluations = evaluation.evaluations;
  const outcomes = evaluation.outcomes.map((outcome) => {
    const skipReason = skipped.get(outcome.control);
    if (skipReason === undefined) return outcome;
    const { passed, failed, skipped: skips, error } = outcome.counts;
    evaluations -= passed + failed + skips + error;
    return {
      control: outcome.control,
      skipReason,
      counts: { passed: 0, failed: 0, skipped: 0, error: 0 },
    };
  });
  const findings = evaluation.findings.filter((finding) => !skipped.has(finding.control));
  return { findings, outcomes, evaluations };
}
