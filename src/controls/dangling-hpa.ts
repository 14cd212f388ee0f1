import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';
import { outOfScanReason, podTemplatesIn } from './scan-scope.js';

/** Built-in kinds with a scale subresource; manifests that hold workloads normally hold these. */
const BUILT_IN_SCALABLE: ReadonlySet<string> = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
]);

export default defineControl({
  id: 'dangling-hpa',
  title: 'HorizontalPodAutoscaler targets a missing workload',
  description:
    'Flags HorizontalPodAutoscalers whose scaleTargetRef names a workload that is not in the scan. The autoscaler does nothing and reports errors, and the workload it was meant to scale runs at a fixed size. Judged only when the scan could hold the target: resources of its kind, or any workload for built-in kinds, in the same namespace.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web-frontend
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
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
    passing: `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
  namespace: shop
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 70
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
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
  match: { kinds: ['HorizontalPodAutoscaler'] },
  aliases: { kubescape: ['C-0300'], kubeLinter: ['dangling-horizontalpodautoscaler'] },
  messages: {
    'missing-target':
      'The scaleTargetRef names {kind} {name}, which is not in this namespace in the scan.',
  },
  remediation:
    'Make scaleTargetRef (apiVersion, kind, name) name the workload to scale exactly, or delete the autoscaler along with the workload it used to scale.',
  check: (resource, context) => {
    const spec = resource.object['spec'];
    const target = isRecord(spec) ? spec['scaleTargetRef'] : undefined;
    if (!isRecord(target)) return { skipped: 'spec.scaleTargetRef is missing or not an object' };
    const { kind, name } = target;
    if (typeof kind !== 'string' || typeof name !== 'string')
      return { skipped: 'spec.scaleTargetRef has no string kind and name' };
    const ns = resource.namespace;
    const sameKind = context.resources.byKindInNamespace(kind, ns);
    const couldHold =
      sameKind.length > 0 ||
      (BUILT_IN_SCALABLE.has(kind) && podTemplatesIn(context, ns).length > 0);
    if (!couldHold) return { skipped: outOfScanReason(`${kind} resources or workloads`, ns) };
    if (context.resources.find(kind, ns, name) !== undefined) return [];
    return [
      {
        messageId: 'missing-target',
        data: { kind, name },
        path: ['spec', 'scaleTargetRef', 'name'],
        evidence: name,
      },
    ];
  },
});
