import type { ScanContext } from '../model/context.js';
import type { Resource } from '../model/resource.js';
import { labelsOf } from '../model/selectors.js';
import type { PodSpecRef } from '../model/workload.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { isolationOf } from './network-policies.js';
import { judgePodSpec } from './workload-scope.js';

type MessageId = 'not-isolated' | 'ingress-not-isolated' | 'egress-not-isolated';

function judge(resource: Resource, pod: PodSpecRef, context: ScanContext): Violation<MessageId>[] {
  const labels = labelsOf(pod.metadata);
  const { ingress, egress, selected } = isolationOf(context, resource.namespace, labels);
  // Point at the labels policies select on, or at the template that should carry them.
  const path = pod.metadata === undefined ? pod.metadataPath.slice(0, -1) : pod.metadataPath;
  if (!selected) return [{ messageId: 'not-isolated', data: { kind: resource.kind }, path }];
  const violations: Violation<MessageId>[] = [];
  if (!ingress) violations.push({ messageId: 'ingress-not-isolated', path });
  if (!egress) violations.push({ messageId: 'egress-not-isolated', path });
  return violations;
}

export default defineControl({
  id: 'network-policy-isolation',
  title: 'Pods not isolated by network policies',
  description:
    'Flags workloads whose pods no NetworkPolicy (or CiliumNetworkPolicy) of the scan selects, or that are selected for only one of ingress and egress. Pods without a policy accept traffic from, and send traffic to, anything in the cluster, so one compromised pod can reach them all.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ['Ingress']
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
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ['Ingress', 'Egress']
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
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0030', 'C-0260'],
    checkov: ['CKV2_K8S_6'],
    polaris: ['missingNetworkPolicy'],
    kubeLinter: ['non-isolated-pod'],
  },
  messages: {
    'not-isolated': 'No network policy selects the pods of this {kind}: all traffic is allowed.',
    'ingress-not-isolated': 'No network policy restricts incoming traffic to these pods.',
    'egress-not-isolated': 'No network policy restricts outgoing traffic from these pods.',
  },
  remediation:
    'Add a default-deny NetworkPolicy to the namespace (podSelector: {} with policyTypes Ingress and Egress), then allow only the flows each workload needs, including DNS egress.',
  check: (resource, context) => judgePodSpec(resource, (pod) => judge(resource, pod, context)),
});
