import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgeContainers } from './workload-scope.js';

/** A hostPort that binds: any number but 0 (0 means "none"), or a non-empty non-zero string. */
function bindsHostPort(value: unknown): boolean {
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && value.trim() !== '' && value.trim() !== '0';
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      ports:
        - containerPort: 8080
          hostPort: 8080
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
      ports:
        - containerPort: 8080
`,
};

export default defineControl({
  id: 'host-ports',
  title: 'Container host ports',
  description:
    "Flags container ports that set a non-zero hostPort. A host port opens the node's own address to the pod, sidesteps Services and often NetworkPolicy, and pins the pod to nodes where the port is free.",
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0044'],
    checkov: ['CKV_K8S_26'],
    pss: ['hostPorts'],
    cis: ['5.2.12'],
    polaris: ['hostPortSet'],
    trivy: ['KSV024'],
  },
  messages: {
    'host-port': 'The {container} binds host port {hostPort}.',
  },
  remediation:
    'Remove hostPort from the container ports and reach the pod through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress instead.',
  examples,
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const ports = ref.container['ports'];
      if (!Array.isArray(ports)) return [];
      return ports.flatMap((port: unknown, index): Violation<'host-port'>[] => {
        if (!isRecord(port) || !bindsHostPort(port['hostPort'])) return [];
        const path = ref.path.concat('ports', index, 'hostPort');
        const hostPort = evidenceOf(port['hostPort']);
        return [
          {
            messageId: 'host-port',
            data: { container: describeContainer(ref), hostPort },
            path,
            evidence: hostPort,
            fix: [{ op: 'remove', path }],
          },
        ];
      });
    }),
});
