import { definePssControl } from './pss-control.js';

type MessageId = 'host-network' | 'host-pid' | 'host-ipc';

const MESSAGE_BY_FIELD: Readonly<Record<string, MessageId>> = {
  hostNetwork: 'host-network',
  hostPID: 'host-pid',
  hostIPC: 'host-ipc',
};

export default definePssControl({
  id: 'pss-host-namespaces',
  checkId: 'hostNamespaces',
  title: "Pod Security Standards (baseline): sharing the node's namespaces",
  description:
    "Baseline forbids hostNetwork, hostPID and hostIPC: a pod in the node's network, process or IPC namespace can watch and reach the node's own traffic, processes and shared memory.",
  severity: 'high',
  examples: {
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
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  aliases: {
    kubescape: ['C-0038', 'C-0041'],
    checkov: ['CKV_K8S_17', 'CKV_K8S_18', 'CKV_K8S_19'],
    trivy: ['KSV008', 'KSV009', 'KSV010'],
  },
  messages: {
    'host-network': "The pod joins the node's network namespace (hostNetwork: {value}).",
    'host-pid': "The pod joins the node's process namespace (hostPID: {value}).",
    'host-ipc': "The pod joins the node's IPC namespace (hostIPC: {value}).",
  },
  remediation:
    'Remove hostNetwork, hostPID and hostIPC from the pod spec (or set them to false). Expose network services through a Service instead of the node network.',
  classify: (offence) => ({
    messageId: MESSAGE_BY_FIELD[String(offence.podPath.at(-1))] ?? 'host-network',
  }),
});
