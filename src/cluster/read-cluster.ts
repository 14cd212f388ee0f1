import { CubecapeError, describeError, isCubecapeError } from '../core/errors.js';
import type { Control } from '../controls/define.js';
import { mapWithLimit } from '../ingest/concurrency.js';
import type { IngestIssue } from '../ingest/types.js';
import { groupOf, identityOf, isRecord, type Resource } from '../model/resource.js';
import { ApiStatusError, createApiClient } from './api-client.js';
import { discover, type ServedKind } from './discovery.js';
import { loadKubeConfig, type KubeConfigOptions } from './kubeconfig.js';
import { listKind, type NamespaceFilter } from './list-kind.js';

/** Kinds the scan context consults whatever controls run (RBAC graph, references). */
const CONTEXT_KINDS = [
  'Namespace',
  'ServiceAccount',
  'Service',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  // Controls matching every kind ('*') judge these in manifests too.
  'ConfigMap',
  'Secret',
] as const;

/** Kinds listed at once: a few requests in flight without flooding the API server. */
export const LIST_CONCURRENCY = 4;

export interface ClusterReadOptions extends KubeConfigOptions {
  readonly namespaces?: Partial<NamespaceFilter>;
  /** Called after each page: kinds finished, kinds in all, objects so far. */
  readonly onProgress?: (done: number, total: number, objects: number) => void;
}

/** A kind the credentials may not list: controls that need it are skipped, the scan exit 3. */
export interface UnreadableKind {
  readonly kind: string;
  readonly apiVersion: string;
  readonly resource: string;
  /** `forbidden: cannot list secrets` (with `in namespace x` when listing per namespace). */
  readonly reason: string;
}

/** What a cluster read produced. */
export interface ClusterRead {
  readonly context: string;
  readonly server: string;
  readonly serverVersion: string;
  readonly readAt: Date;
  /** Objects, kinds in discovery order and each kind in list order; secret values blanked. */
  readonly objects: Record<string, unknown>[];
  readonly unreadable: readonly UnreadableKind[];
  /** Wanted kinds the cluster does not serve: nothing to judge, not an error. */
  readonly notServed: readonly string[];
  readonly issues: readonly IngestIssue[];
}

/** The kinds a set of controls needs listed, plus what the scan context consults. */
export function kindsNeeded(controls: readonly Control[]): Set<string> {
  const kinds = new Set<string>(CONTEXT_KINDS);
  for (const control of controls) {
    for (const kind of control.match.kinds) if (kind !== '*') kinds.add(kind);
  }
  return kinds;
}

function resourceLabel(served: ServedKind): string {
  return served.group === '' ? served.resource : `${served.resource}.${served.group}`;
}

function failureOf(served: ServedKind, error: unknown): UnreadableKind | IngestIssue {
  if (error instanceof ApiStatusError && error.status === 403) {
    const where = /\/namespaces\/([^/]+)\//.exec(error.path)?.[1];
    const scope = where === undefined ? '' : ` in namespace ${decodeURIComponent(where)}`;
    return {
      kind: served.kind,
      apiVersion: served.apiVersion,
      resource: served.resource,
      reason: `forbidden: cannot list ${resourceLabel(served)}${scope}`,
    };
  }
  const status = error instanceof ApiStatusError ? ` (HTTP ${error.status})` : '';
  return {
    code: isCubecapeError(error) ? error.code : 'CLUSTER_API',
    severity: 'error',
    message: `listing ${resourceLabel(served)} failed${status}: ${describeError(error)}`,
  };
}

/**
 * Reads what the given controls need from a live cluster: loads the kubeconfig, discovers the
 * API, then lists each needed kind with pagination, a few kinds at a time. A kind the
 * credentials may not list is recorded in `unreadable`; other list failures become error
 * issues. Throws CubecapeError when the cluster cannot be used at all (no kubeconfig,
 * unreachable, discovery refused).
 */
export async function readCluster(
  controls: readonly Control[],
  options: ClusterReadOptions,
): Promise<ClusterRead> {
  const loaded = loadKubeConfig(options);
  const client = await createApiClient(loaded);
  const readAt = new Date();
  let discovery;
  try {
    discovery = await discover(client, kindsNeeded(controls));
  } catch (error) {
    if (!(error instanceof ApiStatusError)) throw error;
    throw new CubecapeError(
      error.status === 401 ? 'CLUSTER_CONFIG' : 'CLUSTER_API',
      `API discovery on ${loaded.server} (context ${loaded.context}) failed: GET ${error.path}: HTTP ${error.status}: ${error.message}`,
      { cause: error },
    );
  }
  const filter: NamespaceFilter = {
    include: options.namespaces?.include ?? [],
    exclude: options.namespaces?.exclude ?? [],
  };
  const total = discovery.kinds.length;
  let done = 0;
  let count = 0;
  // Results stay in discovery order whatever order the lists finish in.
  const perKind = await mapWithLimit(discovery.kinds, LIST_CONCURRENCY, async (served) => {
    const objects: Record<string, unknown>[] = [];
    let failure: UnreadableKind | IngestIssue | undefined;
    try {
      await listKind(client, served, filter, (page) => {
        for (const object of page) objects.push(object);
        count += page.length;
        options.onProgress?.(done, total, count);
      });
    } catch (error) {
      failure = failureOf(served, error);
      count -= objects.length;
      objects.length = 0;
    }
    done += 1;
    options.onProgress?.(done, total, count);
    return { objects, failure };
  });
  const failures = perKind.flatMap((entry) => (entry.failure === undefined ? [] : [entry.failure]));
  const unreadable = failures.filter((f): f is UnreadableKind => 'reason' in f);
  const issues = [...discovery.issues, ...failures.filter((f): f is IngestIssue => 'code' in f)];
  return {
    context: loaded.context,
    server: loaded.server,
    serverVersion: discovery.serverVersion,
    readAt,
    objects: perKind.flatMap((entry) => entry.objects),
    unreadable,
    notServed: discovery.notServed,
    issues,
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Envelopes listed objects as scan resources. Live objects have no file, so no origin; ids are
 * the plain identity, which a cluster never repeats (a kind is listed from one group only).
 */
export function clusterResources(objects: readonly Record<string, unknown>[]): Resource[] {
  const seen = new Set<string>();
  const resources: Resource[] = [];
  for (const object of objects) {
    const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
    const apiVersion = String(object['apiVersion']);
    const kind = String(object['kind']);
    const name = text(metadata['name']) ?? '<unnamed>';
    const namespace = text(metadata['namespace']);
    const group = groupOf(apiVersion);
    const id = identityOf(group, kind, namespace, name);
    if (seen.has(id)) continue;
    seen.add(id);
    resources.push({ id, apiVersion, group, kind, name, namespace, object });
  }
  return resources;
}
