/** kustomize's legacy output order, the default of `kustomize build` in v5. */
import { gvOf, kindOf, nameOf, namespaceOf, type KNode } from './node.js';

/** kustomize's default first kinds. */
export const LEGACY_FIRST: readonly string[] = [
  'Namespace',
  'ResourceQuota',
  'StorageClass',
  'CustomResourceDefinition',
  'ServiceAccount',
  'PodSecurityPolicy',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Secret',
  'Endpoints',
  'Service',
  'LimitRange',
  'PriorityClass',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'Deployment',
  'StatefulSet',
  'CronJob',
  'PodDisruptionBudget',
];
/** kustomize's default last kinds. */
export const LEGACY_LAST: readonly string[] = [
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
];

/** Kinds placed first and last; the kustomization's `sortOptions.legacySortOptions` may replace them. */
export interface LegacyKinds {
  readonly orderFirst: readonly string[];
  readonly orderLast: readonly string[];
}

const DEFAULT_KINDS: LegacyKinds = { orderFirst: LEGACY_FIRST, orderLast: LEGACY_LAST };

function rank(kind: string, kinds: LegacyKinds): number {
  const first = kinds.orderFirst.indexOf(kind);
  if (first !== -1) return first - kinds.orderFirst.length;
  const last = kinds.orderLast.indexOf(kind);
  return last === -1 ? 0 : last + 1;
}

function gvkString(node: KNode): string {
  const { group, version } = gvOf(node.object);
  return [group || '~G', version || '~V', kindOf(node.object) || '~K'].join('_');
}

function idString(node: KNode): string {
  return `${gvkString(node)}|${namespaceOf(node.object) ?? '~X'}|${nameOf(node.object) || '~N'}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by kind rank, then group/version/kind, then namespace and name. */
export function legacyOrder(nodes: readonly KNode[], kinds: LegacyKinds = DEFAULT_KINDS): KNode[] {
  return [...nodes].sort((a, b) => {
    const byRank = rank(kindOf(a.object), kinds) - rank(kindOf(b.object), kinds);
    if (byRank !== 0) return byRank;
    const byGvk = compare(gvkString(a), gvkString(b));
    return byGvk !== 0 ? byGvk : compare(idString(a), idString(b));
  });
}
