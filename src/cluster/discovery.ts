import { describeError } from '../core/errors.js';
import { mapWithLimit } from '../ingest/concurrency.js';
import type { IngestIssue } from '../ingest/types.js';
import { isRecord } from '../model/resource.js';
import type { ApiClient } from './api-client.js';

/** A kind the API server serves and cubecape can list. */
export interface ServedKind {
  readonly kind: string;
  /** '' for the core group. */
  readonly group: string;
  /** `v1`, `apps/v1`: the group's preferred version, as objects carry it. */
  readonly apiVersion: string;
  /** Plural resource name used in URLs (`deployments`). */
  readonly resource: string;
  readonly namespaced: boolean;
}

export interface Discovery {
  /** `gitVersion` of /version, e.g. `v1.36.3`. */
  readonly serverVersion: string;
  /** The wanted kinds the server serves with a `list` verb, in discovery order. */
  readonly kinds: readonly ServedKind[];
  /** Wanted kinds no group serves (removed APIs, CRDs not installed, non-API kinds). */
  readonly notServed: readonly string[];
  /** Groups whose discovery failed (an aggregated API down, say): warnings. */
  readonly issues: readonly IngestIssue[];
}

const DISCOVERY_CONCURRENCY = 4;

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function resourcesOf(list: unknown, apiVersion: string, group: string): ServedKind[] {
  if (!isRecord(list) || !Array.isArray(list['resources'])) return [];
  const served: ServedKind[] = [];
  for (const entry of list['resources']) {
    if (!isRecord(entry)) continue;
    const name = entry['name'];
    const kind = entry['kind'];
    // Subresources (`pods/log`) are not objects of their own.
    if (typeof name !== 'string' || name.includes('/') || typeof kind !== 'string') continue;
    if (!stringArray(entry['verbs']).includes('list')) continue;
    served.push({
      kind,
      group,
      apiVersion,
      resource: name,
      namespaced: entry['namespaced'] === true,
    });
  }
  return served;
}

function preferredVersionsOf(groups: unknown): { group: string; groupVersion: string }[] {
  if (!isRecord(groups) || !Array.isArray(groups['groups'])) return [];
  const out: { group: string; groupVersion: string }[] = [];
  for (const group of groups['groups']) {
    if (!isRecord(group) || typeof group['name'] !== 'string') continue;
    const preferred = group['preferredVersion'];
    const versions = Array.isArray(group['versions']) ? group['versions'] : [];
    const chosen = isRecord(preferred) ? preferred : versions.find(isRecord);
    const groupVersion = isRecord(chosen) ? chosen['groupVersion'] : undefined;
    if (typeof groupVersion === 'string') out.push({ group: group['name'], groupVersion });
  }
  return out;
}

async function serverVersionOf(client: ApiClient): Promise<string> {
  const version = await client.getJson('/version');
  return isRecord(version) && typeof version['gitVersion'] === 'string'
    ? version['gitVersion']
    : 'unknown';
}

/**
 * Finds where each wanted kind is served: the core group first, then the other groups in the
 * server's order, each at its preferred version. A kind served by two groups (Event) is taken
 * from the first, so no object is listed twice.
 */
export async function discover(client: ApiClient, wanted: ReadonlySet<string>): Promise<Discovery> {
  const serverVersion = await serverVersionOf(client);
  const core = resourcesOf(await client.getJson('/api/v1'), 'v1', '');
  const groups = preferredVersionsOf(await client.getJson('/apis'));
  const issues: IngestIssue[] = [];
  const perGroup = await mapWithLimit(groups, DISCOVERY_CONCURRENCY, async (group) => {
    try {
      return resourcesOf(
        await client.getJson(`/apis/${group.groupVersion}`),
        group.groupVersion,
        group.group,
      );
    } catch (error) {
      issues.push({
        code: 'CLUSTER_API',
        severity: 'warning',
        message: `API group ${group.groupVersion} could not be discovered, its kinds are not scanned: ${describeError(error)}`,
      });
      return [];
    }
  });
  const kinds: ServedKind[] = [];
  const taken = new Set<string>();
  for (const served of [core, ...perGroup].flat()) {
    if (!wanted.has(served.kind) || taken.has(served.kind)) continue;
    taken.add(served.kind);
    kinds.push(served);
  }
  const notServed = [...wanted].filter((kind) => !taken.has(kind)).sort();
  // Groups finish in any order; warnings should not.
  issues.sort((a, b) => (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return { serverVersion, kinds, notServed, issues };
}
