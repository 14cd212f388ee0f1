/**
 * Name reference fix-ups: once prefixes, suffixes and hashes have renamed resources, the fields
 * that refer to them by name (volumes, env sources, role bindings, ingress backends…) follow.
 */
import { isRecord } from '../../model/resource.js';
import {
  CLUSTER_SCOPED,
  kindOf,
  namespaceOf,
  nameOf,
  visitPath,
  type KNode,
  type Obj,
} from './node.js';

interface Referral {
  /** Kind of the referent. */
  readonly kind: string;
  /** Referrer kinds; `pod` means every kind with a pod template, at its pod spec. */
  readonly referrers: readonly string[] | 'pod';
  readonly path: string;
  /** Only when the referring object (the parent of the name) says it names this kind. */
  readonly sibling?: { readonly key: string; readonly value: string };
}

const POD_ROOTS: Readonly<Record<string, string>> = {
  Pod: 'spec',
  Deployment: 'spec/template/spec',
  ReplicaSet: 'spec/template/spec',
  DaemonSet: 'spec/template/spec',
  StatefulSet: 'spec/template/spec',
  Job: 'spec/template/spec',
  ReplicationController: 'spec/template/spec',
  PodTemplate: 'template/spec',
  CronJob: 'spec/jobTemplate/spec/template/spec',
};

const CONTAINERS = ['containers[]', 'initContainers[]', 'ephemeralContainers[]'];

function inContainers(suffixes: readonly string[]): string[] {
  return CONTAINERS.flatMap((c) => suffixes.map((suffix) => `${c}/${suffix}`));
}

const pod = (kind: string, paths: readonly string[]): Referral[] =>
  paths.map((path) => ({ kind, referrers: 'pod', path }));

const BINDINGS = ['RoleBinding', 'ClusterRoleBinding'];
const INGRESS_SERVICE_PATHS = [
  'spec/rules[]/http/paths[]/backend/service/name',
  'spec/rules[]/http/paths[]/backend/serviceName',
  'spec/defaultBackend/service/name',
  'spec/backend/serviceName',
];

const REFERRALS: readonly Referral[] = [
  ...pod('ConfigMap', [
    'volumes[]/configMap/name',
    'volumes[]/projected/sources[]/configMap/name',
    ...inContainers(['env[]/valueFrom/configMapKeyRef/name', 'envFrom[]/configMapRef/name']),
  ]),
  ...pod('Secret', [
    'volumes[]/secret/secretName',
    'volumes[]/projected/sources[]/secret/name',
    'imagePullSecrets[]/name',
    ...inContainers(['env[]/valueFrom/secretKeyRef/name', 'envFrom[]/secretRef/name']),
  ]),
  { kind: 'Secret', referrers: ['Ingress'], path: 'spec/tls[]/secretName' },
  { kind: 'Secret', referrers: ['ServiceAccount'], path: 'imagePullSecrets[]/name' },
  ...pod('ServiceAccount', ['serviceAccountName', 'serviceAccount']),
  {
    kind: 'ServiceAccount',
    referrers: BINDINGS,
    path: 'subjects[]/name',
    sibling: { key: 'kind', value: 'ServiceAccount' },
  },
  {
    kind: 'Role',
    referrers: ['RoleBinding'],
    path: 'roleRef/name',
    sibling: { key: 'kind', value: 'Role' },
  },
  {
    kind: 'ClusterRole',
    referrers: BINDINGS,
    path: 'roleRef/name',
    sibling: { key: 'kind', value: 'ClusterRole' },
  },
  ...pod('PersistentVolumeClaim', ['volumes[]/persistentVolumeClaim/claimName']),
  ...pod('PriorityClass', ['priorityClassName']),
  ...INGRESS_SERVICE_PATHS.map((path) => ({ kind: 'Service', referrers: ['Ingress'], path })),
  { kind: 'Service', referrers: ['StatefulSet'], path: 'spec/serviceName' },
  { kind: 'Service', referrers: ['APIService'], path: 'spec/service/name' },
  ...['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'].map((referrer) => ({
    kind: 'Service',
    referrers: [referrer],
    path: 'webhooks[]/clientConfig/service/name',
  })),
  ...['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].map((kind) => ({
    kind,
    referrers: ['HorizontalPodAutoscaler'],
    path: 'spec/scaleTargetRef/name',
    sibling: { key: 'kind', value: kind },
  })),
  { kind: 'PersistentVolume', referrers: ['PersistentVolumeClaim'], path: 'spec/volumeName' },
  ...[
    ['PersistentVolumeClaim', 'spec/storageClassName'],
    ['PersistentVolume', 'spec/storageClassName'],
    ['StatefulSet', 'spec/volumeClaimTemplates[]/spec/storageClassName'],
  ].map(([referrer = '', path = '']) => ({ kind: 'StorageClass', referrers: [referrer], path })),
];

function referralPaths(referral: Referral, kind: string): string[] {
  if (referral.referrers === 'pod') {
    const root = POD_ROOTS[kind];
    return root === undefined ? [] : [`${root}/${referral.path}`];
  }
  return referral.referrers.includes(kind) ? [referral.path] : [];
}

/** The renamed resource a reference means, or undefined when it names something else. */
function referentOf(
  candidates: readonly KNode[],
  name: string,
  namespace: string | undefined,
): KNode | undefined {
  const named = candidates.filter(
    (node) => node.names.includes(name) && nameOf(node.object) !== name,
  );
  const sameSpace = named.filter(
    (node) =>
      CLUSTER_SCOPED.has(kindOf(node.object)) ||
      node.namespaces.includes(namespace) ||
      namespaceOf(node.object) === namespace,
  );
  return sameSpace[0] ?? (named.length === 1 ? named[0] : undefined);
}

function fixReferrer(referrer: KNode, byKind: ReadonlyMap<string, KNode[]>): void {
  const kind = kindOf(referrer.object);
  for (const referral of REFERRALS) {
    const candidates = byKind.get(referral.kind);
    if (candidates === undefined) continue;
    for (const path of referralPaths(referral, kind)) {
      visitPath(referrer.object, path.split('/'), false, (parent: Obj, key) => {
        const value = parent[key];
        if (typeof value !== 'string') return;
        if (
          referral.sibling !== undefined &&
          parent[referral.sibling.key] !== referral.sibling.value
        )
          return;
        const explicit = typeof parent['namespace'] === 'string' ? parent['namespace'] : undefined;
        const target = referentOf(candidates, value, explicit ?? namespaceOf(referrer.object));
        if (target === undefined) return;
        parent[key] = nameOf(target.object);
        const targetNs = namespaceOf(target.object);
        // Subjects carry their own namespace; it follows the ServiceAccount wherever it moved.
        const subject = referral.sibling?.value === 'ServiceAccount';
        if ((explicit !== undefined || subject) && targetNs !== undefined)
          parent['namespace'] = targetNs;
      });
    }
  }
}

/** Points every name reference at its referent's final name. */
export function fixNameReferences(nodes: readonly KNode[]): void {
  const byKind = new Map<string, KNode[]>();
  for (const node of nodes) {
    if (node.names.length < 2) continue;
    const kind = kindOf(node.object);
    byKind.set(kind, [...(byKind.get(kind) ?? []), node]);
  }
  if (byKind.size === 0) return;
  for (const node of nodes) if (isRecord(node.object)) fixReferrer(node, byKind);
}
