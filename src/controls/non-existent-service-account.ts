import type { ScanContext } from '../model/context.js';
import type { Resource } from '../model/resource.js';
import { podSpecOf, type PodSpecRef } from '../model/workload.js';
import { defineControl, type CheckResult } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { outOfScanReason } from './scan-scope.js';
import { judgePodSpec } from './workload-scope.js';

type MessageId = 'missing-service-account';

function judge(resource: Resource, pod: PodSpecRef, context: ScanContext): CheckResult<MessageId> {
  const field = ['serviceAccountName', 'serviceAccount'].find((name) => {
    const value = pod.spec[name];
    return typeof value === 'string' && value !== '';
  });
  const name = field === undefined ? undefined : pod.spec[field];
  // Every namespace has a `default` ServiceAccount, so only a named one can be missing.
  if (field === undefined || typeof name !== 'string' || name === 'default') return [];
  if (context.resources.byKindInNamespace('ServiceAccount', resource.namespace).length === 0)
    return { skipped: outOfScanReason('ServiceAccounts', resource.namespace) };
  if (context.resources.find('ServiceAccount', resource.namespace, name) !== undefined) return [];
  return [
    {
      messageId: 'missing-service-account',
      data: { serviceAccount: name },
      path: pod.path.concat(field),
      evidence: name,
    },
  ];
}

export default defineControl({
  id: 'non-existent-service-account',
  title: 'Workload uses a ServiceAccount that does not exist',
  description:
    'Flags pod templates whose serviceAccountName names a ServiceAccount missing from the scan while the scan holds other ServiceAccounts of that namespace. The API server refuses to create such pods, so the rollout stalls. When the scan holds no ServiceAccounts of the namespace, the control skips.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
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
      serviceAccountName: web-app
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
    passing: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: web
  namespace: shop
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
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0307'], kubeLinter: ['non-existent-service-account'] },
  messages: {
    'missing-service-account':
      'The pods run as ServiceAccount {serviceAccount}, which is not in this namespace in the scan.',
  },
  remediation:
    'Add the ServiceAccount to the manifests deployed with the workload, or correct serviceAccountName to an existing account.',
  check: (resource, context) => {
    const pod = podSpecOf(resource);
    // Without a pod spec, judgePodSpec answers with the standard skip reason.
    return pod === undefined ? judgePodSpec(resource, () => []) : judge(resource, pod, context);
  },
});
