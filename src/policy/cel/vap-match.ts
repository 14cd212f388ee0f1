import { isClusterScoped } from '../../model/cluster-scoped.js';
import { isRecord, type KubeObject, type Resource } from '../../model/resource.js';
import { labelSelectorMatches, labelsOf } from '../../model/selectors.js';
import type { MatchResources } from './vap-load.js';

/** Plural resource names that the simple English rules below get wrong. */
const IRREGULAR: Readonly<Record<string, string>> = {
  Endpoints: 'endpoints',
  PodSecurityPolicy: 'podsecuritypolicies',
  NetworkPolicy: 'networkpolicies',
  ResourceQuota: 'resourcequotas',
  PriorityClass: 'priorityclasses',
  StorageClass: 'storageclasses',
  IngressClass: 'ingressclasses',
  RuntimeClass: 'runtimeclasses',
  ComponentStatus: 'componentstatuses',
};

/** The plural resource name of a kind: `Deployment` → `deployments`, `Ingress` → `ingresses`. */
export function resourceOfKind(kind: string): string {
  const irregular = IRREGULAR[kind];
  if (irregular !== undefined) return irregular;
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

/** Groups under which the API server serves the same resource (matchPolicy Equivalent). */
const EQUIVALENT_GROUPS: Readonly<Record<string, readonly string[]>> = {
  deployments: ['apps', 'extensions'],
  daemonsets: ['apps', 'extensions'],
  replicasets: ['apps', 'extensions'],
  ingresses: ['networking.k8s.io', 'extensions'],
  networkpolicies: ['networking.k8s.io', 'extensions'],
};

const strings = (value: unknown): readonly string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const anyOf = (allowed: readonly string[], value: string): boolean =>
  allowed.includes('*') || allowed.includes(value);

function resourceMatches(patterns: readonly string[], resource: string): boolean {
  // We judge the main resource only: `pods/status` or `*/scale` never match it.
  return patterns.some((p) => p === '*' || p === '*/*' || p === resource);
}

function ruleMatches(rule: unknown, resource: Resource, equivalent: boolean): boolean {
  if (!isRecord(rule)) return false;
  const plural = resourceOfKind(resource.kind);
  const version = resource.apiVersion.slice(resource.apiVersion.indexOf('/') + 1);
  const groups = strings(rule['apiGroups']);
  const candidates = equivalent
    ? (EQUIVALENT_GROUPS[plural] ?? [resource.group])
    : [resource.group];
  if (!candidates.some((group) => anyOf(groups, group))) return false;
  if (!equivalent && !anyOf(strings(rule['apiVersions']), version)) return false;
  if (!anyOf(strings(rule['operations']), 'CREATE')) return false;
  if (!resourceMatches(strings(rule['resources']), plural)) return false;
  const names = strings(rule['resourceNames']);
  if (names.length > 0 && !names.includes(resource.name)) return false;
  const scope = rule['scope'];
  const clusterScoped = isClusterScoped(resource.kind);
  if (scope === 'Cluster' && !clusterScoped) return false;
  if (scope === 'Namespaced' && clusterScoped) return false;
  return true;
}

/** Labels of a namespace; the API server always sets `kubernetes.io/metadata.name`. */
function namespaceLabels(name: string, namespace: KubeObject | undefined): Record<string, string> {
  return {
    ...(namespace === undefined ? {} : labelsOf(namespace['metadata'])),
    'kubernetes.io/metadata.name': name,
  };
}

function selectorHolds(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  // An absent selector does not constrain; a present one follows LabelSelector rules.
  return selector === undefined || selector === null || labelSelectorMatches(selector, labels);
}

/**
 * Whether `match` (a policy's matchConstraints or a binding's matchResources) selects the
 * resource for a CREATE. `requireRules`: policies must list resourceRules, bindings need not.
 */
export function matchesResources(
  match: MatchResources,
  resource: Resource,
  namespaceOf: (name: string) => KubeObject | undefined,
  requireRules: boolean,
): boolean {
  const equivalent = match['matchPolicy'] !== 'Exact';
  const rules = Array.isArray(match['resourceRules']) ? match['resourceRules'] : undefined;
  if (rules === undefined || rules.length === 0) {
    if (requireRules) return false;
  } else if (!rules.some((rule) => ruleMatches(rule, resource, equivalent))) {
    return false;
  }
  const excluded = Array.isArray(match['excludeResourceRules'])
    ? match['excludeResourceRules']
    : [];
  if (excluded.some((rule) => ruleMatches(rule, resource, equivalent))) return false;
  if (!selectorHolds(match['objectSelector'], labelsOf(resource.object['metadata']))) return false;
  const nsName =
    resource.kind === 'Namespace'
      ? resource.name
      : (resource.namespace ?? (isClusterScoped(resource.kind) ? undefined : 'default'));
  if (nsName === undefined) return true;
  return selectorHolds(match['namespaceSelector'], namespaceLabels(nsName, namespaceOf(nsName)));
}
