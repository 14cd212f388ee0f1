import { containersOf, describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgePodSpec } from './workload-scope.js';

function isSet(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length > 0;
}

export default defineControl({
  id: 'security-context-applied',
  title: 'No security context on pod or container',
  description:
    'Flags containers that have no securityContext settings at all, neither their own nor inherited from the pod. Such a container runs with every runtime default: as the image user (often root), with a writable root filesystem, default capabilities and no seccomp profile. The specific settings are judged by the hardening controls; this one finds pods nobody has hardened yet.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
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
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        runAsNonRoot: true
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0211'], cis: ['5.6.3'] },
  messages: {
    'no-security-context': 'The {container} has no securityContext and the pod sets none either.',
  },
  remediation:
    'Add a pod securityContext (runAsNonRoot, runAsUser, fsGroup, seccompProfile RuntimeDefault) and a container securityContext (allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities drop ALL).',
  check: (resource) =>
    judgePodSpec(resource, (pod) => {
      if (isSet(pod.spec['securityContext'])) return [];
      return containersOf(pod.spec, pod.path).flatMap((ref): Violation<'no-security-context'>[] =>
        isSet(ref.container['securityContext'])
          ? []
          : [
              {
                messageId: 'no-security-context',
                data: { container: describeContainer(ref) },
                path: ref.path,
                fix: [
                  {
                    op: 'set',
                    path: ref.path.concat('securityContext'),
                    value: { allowPrivilegeEscalation: false },
                  },
                ],
              },
            ],
      );
    }),
});
