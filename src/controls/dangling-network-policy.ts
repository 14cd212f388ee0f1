import { isRecord } from '../model/resource.js';
import { parseLabelSelector } from '../model/selectors.js';
import { defineControl } from './define.js';
import { policySelectsTemplates } from './network-policies.js';
import { outOfScanReason, podTemplatesIn } from './scan-scope.js';

export default defineControl({
  id: 'dangling-network-policy',
  title: 'NetworkPolicy that selects no pods',
  description:
    'Flags NetworkPolicies whose podSelector matches none of the workloads of their namespace in the scan. Such a policy protects nothing, usually because of a typo or a renamed label, while its author believes the pods are isolated. Judged only when the scan holds workloads of that namespace.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web-frontend
  policyTypes: ['Ingress']
  ingress:
    - ports:
        - port: 8080
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
    passing: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: ['Ingress']
  ingress:
    - ports:
        - port: 8080
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
  match: { kinds: ['NetworkPolicy'] },
  aliases: { kubescape: ['C-0299'], kubeLinter: ['dangling-networkpolicy'] },
  messages: {
    'selects-nothing':
      'The podSelector matches none of the {count} workloads of this namespace in the scan.',
  },
  remediation:
    'Fix the podSelector so it matches the labels of the pod templates it is meant to protect, or delete the policy if those workloads are gone.',
  check: (resource, context) => {
    const spec = resource.object['spec'];
    if (!isRecord(spec)) return { skipped: 'spec is missing or not an object' };
    const parsed = parseLabelSelector(spec['podSelector']);
    if (parsed !== undefined && 'error' in parsed)
      return { skipped: `spec.podSelector is invalid: ${parsed.error}` };
    const templates = podTemplatesIn(context, resource.namespace);
    if (templates.length === 0)
      return { skipped: outOfScanReason('workloads', resource.namespace) };
    if (policySelectsTemplates(context, resource)) return [];
    return [
      {
        messageId: 'selects-nothing',
        data: { count: templates.length },
        path: spec['podSelector'] === undefined ? ['spec'] : ['spec', 'podSelector'],
      },
    ];
  },
});
