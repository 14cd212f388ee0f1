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
    cis: ['5.2.13'],
    polaris: ['hostPortSet'],
    trivy: ['KSV024'],
  },
  messages: {
    'host-port': 'The {container} binds host port {hostPort}.',
  },
  remediation:
    'Remove hostPort from the container ports and reach the pod through a Service (ClusterIP, NodePort or LoadBalancer) or an Ingress instead.',
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const ports = ref.container['ports'];
      if (!Array.isArray(ports)) return [];
      return ports.flatMap((port: unknown, index): Violation<'host-port'>[] => {
        if (!isRecord(port) || !bindsHostPort(port['hostPort'])) return [];
        const path = [...ref.path, 'ports', index, 'hostPort'];
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
