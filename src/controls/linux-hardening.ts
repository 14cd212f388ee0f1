import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import type { PodSpecRef } from '../model/workload.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers, podSecurityContextOf, securityContextOf } from './workload-scope.js';

type MessageId = 'not-hardened';

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

/** True when a security context confines through seccomp, AppArmor or SELinux. */
function confines(context: Readonly<Record<string, unknown>> | undefined): boolean {
  if (context === undefined) return false;
  return ['seccompProfile', 'appArmorProfile', 'seLinuxOptions'].some((field) => {
    const value = context[field];
    if (!isRecord(value)) return false;
    // An explicit opt-out is not hardening.
    return value['type'] !== 'Unconfined';
  });
}

function dropsCapabilities(context: Readonly<Record<string, unknown>> | undefined): boolean {
  const capabilities = context?.['capabilities'];
  const drop = isRecord(capabilities) ? capabilities['drop'] : undefined;
  return Array.isArray(drop) && drop.some((cap) => typeof cap === 'string' && cap !== '');
}

function hasAppArmorAnnotation(pod: PodSpecRef, name: string | undefined): boolean {
  const annotations = pod.metadata?.['annotations'];
  if (!isRecord(annotations) || name === undefined) return false;
  const value = annotations[`${APPARMOR_ANNOTATION}${name}`];
  return typeof value === 'string' && value !== 'unconfined';
}

function judge(ref: ContainerRef, pod: PodSpecRef): Violation<MessageId>[] {
  const own = securityContextOf(ref).context;
  if (confines(podSecurityContextOf(pod).context) || confines(own) || dropsCapabilities(own))
    return [];
  if (hasAppArmorAnnotation(pod, ref.name)) return [];
  return [
    { messageId: 'not-hardened', data: { container: describeContainer(ref) }, path: ref.path },
  ];
}

export default defineControl({
  id: 'linux-hardening',
  title: 'Container without any Linux hardening',
  description:
    'Flags containers that use none of the kernel hardening mechanisms: no seccomp, AppArmor or SELinux profile (on the container or the pod) and no dropped capabilities. Such a container relies on the runtime defaults alone, leaving the whole kernel attack surface reachable.',
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
      securityContext:
        runAsNonRoot: true
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
        runAsNonRoot: true
        capabilities:
          drop: ['ALL']
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0055'], polaris: ['linuxHardening'] },
  messages: {
    'not-hardened':
      'The {container} sets no seccomp, AppArmor or SELinux profile and drops no capabilities.',
  },
  remediation:
    'Set seccompProfile.type: RuntimeDefault on the pod and capabilities.drop: [ALL] on each container (adding back only what is needed); use AppArmor or SELinux profiles where the nodes support them.',
  check: (resource) => judgeContainers(resource, judge),
});
