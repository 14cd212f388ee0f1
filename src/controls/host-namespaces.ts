import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgePodSpec } from './workload-scope.js';

const FIELDS = [
  ['hostNetwork', 'host-network'],
  ['hostPID', 'host-pid'],
  ['hostIPC', 'host-ipc'],
] as const;

type MessageId = (typeof FIELDS)[number][1];

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  hostNetwork: true
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  hostNetwork: false
  hostPID: false
  hostIPC: false
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
};

export default defineControl({
  id: 'host-namespaces',
  title: 'Host namespaces shared',
  description:
    "Flags pods that share the node's network, process or IPC namespace (hostNetwork, hostPID, hostIPC). Each removes an isolation layer: the pod can sniff or bind host interfaces, see and signal host processes, or read host shared memory.",
  severity: 'high',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0038', 'C-0041', 'C-0275', 'C-0276'],
    checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
    pss: ['hostNamespaces'],
    cis: ['5.2.3', '5.2.4', '5.2.5'],
    polaris: ['hostIPCSet', 'hostPIDSet', 'hostNetworkSet'],
    kubeLinter: ['host-ipc', 'host-network', 'host-pid'],
    trivy: ['KSV008', 'KSV009', 'KSV010'],
  },
  messages: {
    'host-network': 'The pod uses the host network namespace (hostNetwork: true).',
    'host-pid': 'The pod shares the host process ID namespace (hostPID: true).',
    'host-ipc': 'The pod shares the host IPC namespace (hostIPC: true).',
  },
  remediation:
    'Remove hostNetwork, hostPID and hostIPC from the pod spec (they default to false). Expose network services through a Service instead of the host network, and run node-level agents that truly need these in a dedicated namespace with tight admission rules.',
  examples,
  check: (resource) =>
    judgePodSpec(resource, (pod) =>
      FIELDS.flatMap(([field, messageId]): Violation<MessageId>[] => {
        if (pod.spec[field] !== true) return [];
        const path = pod.path.concat(field);
        return [{ messageId, path, evidence: 'true', fix: [{ op: 'remove', path }] }];
      }),
    ),
});
