import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { indexLabels } from '../model/selectors.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { perNamespace } from './scan-scope.js';

type MessageId = 'zero-max-unavailable' | 'min-available-all' | 'min-available-replicas';

/** Kinds whose replica count a PodDisruptionBudget protects. */
const REPLICATED_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'];

function isZero(value: unknown): boolean {
  return value === 0 || value === '0' || value === '0%';
}

/** The smallest replica count among the selected workloads (replicas defaults to 1). */
function minReplicas(
  resource: Resource,
  selector: unknown,
  context: ScanContext,
): Resource | undefined {
  let smallest: { workload: Resource; replicas: number } | undefined;
  for (const { workload, spec } of replicatedSelectedBy(context, resource.namespace, selector)) {
    const replicas = typeof spec['replicas'] === 'number' ? spec['replicas'] : 1;
    if (smallest === undefined || replicas < smallest.replicas) smallest = { workload, replicas };
  }
  return smallest?.workload;
}

interface Replicated {
  readonly workload: Resource;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly labels: Readonly<Record<string, string>>;
}

const replicatedIndexes = new WeakMap<
  ScanContext,
  Map<string | undefined, (selector: unknown) => Replicated[]>
>();

/** The replicated workloads of a namespace a selector matches, indexed once per scan. */
function replicatedSelectedBy(
  context: ScanContext,
  namespace: string | undefined,
  selector: unknown,
): Replicated[] {
  const lookup = perNamespace(replicatedIndexes, context, namespace, () => {
    const workloads = REPLICATED_KINDS.flatMap((kind) =>
      context.resources.byKindInNamespace(kind, namespace).flatMap((workload): Replicated[] => {
        const spec = workload.object['spec'];
        if (!isRecord(spec) || !isRecord(spec['template'])) return [];
        const metadata = spec['template']['metadata'];
        const labels = isRecord(metadata) && isRecord(metadata['labels']) ? metadata['labels'] : {};
        const strings = Object.fromEntries(
          Object.entries(labels).filter(([, v]) => typeof v === 'string'),
        ) as Record<string, string>;
        return [{ workload, spec, labels: strings }];
      }),
    );
    return indexLabels(workloads, ({ labels }) => labels);
  });
  return lookup(selector);
}

function judge(resource: Resource, context: ScanContext): CheckResult<MessageId> {
  const spec = resource.object['spec'];
  if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
  const { maxUnavailable, minAvailable } = spec;
  if (isZero(maxUnavailable))
    return [
      {
        messageId: 'zero-max-unavailable',
        path: ['spec', 'maxUnavailable'],
        evidence: String(maxUnavailable),
      },
    ];
  if (minAvailable === '100%')
    return [{ messageId: 'min-available-all', path: ['spec', 'minAvailable'], evidence: '100%' }];
  if (typeof minAvailable !== 'number') return [];
  const workload = minReplicas(resource, spec['selector'], context);
  if (workload === undefined)
    return {
      skipped:
        'no workload the selector matches is in the scan, so minAvailable cannot be compared with replicas',
    };
  const workloadSpec = workload.object['spec'];
  const replicas =
    isRecord(workloadSpec) && typeof workloadSpec['replicas'] === 'number'
      ? workloadSpec['replicas']
      : 1;
  if (minAvailable < replicas) return [];
  const violation: Violation<MessageId> = {
    messageId: 'min-available-replicas',
    data: { minAvailable, replicas, workload: `${workload.kind} ${workload.name}` },
    path: ['spec', 'minAvailable'],
    evidence: String(minAvailable),
  };
  return [violation];
}

export default defineControl({
  id: 'pod-disruption-budget',
  title: 'PodDisruptionBudget that blocks every eviction',
  description:
    'Flags PodDisruptionBudgets that can never allow a voluntary eviction: maxUnavailable of 0, minAvailable of 100%, or a minAvailable at least as large as the replica count of a workload it selects in the scan. Node drains and cluster upgrades then hang until someone deletes the budget.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
    passing: `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: ['PodDisruptionBudget'] },
  aliases: {
    polaris: ['pdbDisruptionsIsZero'],
    kubeLinter: ['pdb-max-unavailable', 'pdb-min-available'],
  },
  messages: {
    'zero-max-unavailable': 'maxUnavailable is 0, so no pod may ever be evicted.',
    'min-available-all': 'minAvailable is 100%, so no pod may ever be evicted.',
    'min-available-replicas':
      'minAvailable ({minAvailable}) is not below the {replicas} replicas of {workload}, so none of its pods may be evicted.',
  },
  remediation:
    'Allow at least one disruption: use maxUnavailable: 1 (or a percentage), or set minAvailable below the replica count and scale the workload to at least two replicas.',
  check: judge,
});
