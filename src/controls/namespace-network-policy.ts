import { isRecord } from '../model/resource.js';
import { defineControl } from './define.js';
import { policiesIn } from './network-policies.js';

export default defineControl({
  id: 'namespace-network-policy',
  title: 'Namespace without network policies',
  description:
    'Flags Namespaces in the scan that hold no NetworkPolicy (or CiliumNetworkPolicy). Without any policy, every pod of the namespace is reachable from the whole cluster and can reach it in turn, which makes mapping and lateral movement easy.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
    passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: ['Ingress', 'Egress']
`,
  },
  match: { kinds: ['Namespace'] },
  aliases: {
    kubescape: ['C-0049', 'C-0054', 'C-0206'],
    cis: ['5.3.2'],
  },
  messages: {
    'no-network-policy': 'Namespace {namespace} has no network policy in the scan.',
  },
  remediation:
    'Give every namespace a default-deny NetworkPolicy for ingress and egress, and add policies that allow the flows its workloads need.',
  check: (resource, context) => {
    if (policiesIn(context, resource.name).length > 0) return [];
    return [
      {
        messageId: 'no-network-policy',
        data: { namespace: resource.name },
        path: isRecord(resource.object['metadata']) ? ['metadata'] : [],
      },
    ];
  },
});
