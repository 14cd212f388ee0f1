import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import {
  evidenceOf,
  judgeContainers,
  podSecurityContextOf,
  securityContextOf,
} from './workload-scope.js';

type MessageId = 'no-seccomp' | 'unconfined';

const CONFINED: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

/** The seccompProfile.type of a security context, when set. */
function profileType(context: Readonly<Record<string, unknown>> | undefined): unknown {
  const profile = context?.['seccompProfile'];
  return isRecord(profile) ? profile['type'] : undefined;
}

export default defineControl({
  id: 'seccomp-profile',
  title: 'Seccomp profile not set to RuntimeDefault or Localhost',
  description:
    "Flags containers whose effective seccomp profile (the container's, else the pod's) is missing or Unconfined. Without a profile every system call is allowed, including the rarely needed ones most kernel exploits and container escapes go through.",
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
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0210'],
    checkov: ['CKV_K8S_31'],
    pss: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    cis: ['5.6.2'],
    trivy: ['KSV030'],
  },
  messages: {
    'no-seccomp':
      'The {container} runs without a seccomp profile (neither it nor the pod sets one).',
    unconfined: 'The {container} runs with the Unconfined seccomp profile.',
  },
  remediation:
    'Set securityContext.seccompProfile.type: RuntimeDefault at pod level (the attached fix does this), or a Localhost profile tailored to the workload; remove Unconfined overrides.',
  check: (resource) =>
    judgeContainers(resource, (ref, pod): Violation<MessageId>[] => {
      const own = securityContextOf(ref);
      const podContext = podSecurityContextOf(pod);
      const ownType = profileType(own.context);
      const type = ownType ?? profileType(podContext.context);
      if (CONFINED.has(type)) return [];
      const container = describeContainer(ref);
      if (type === undefined || type === null) {
        const path = podContext.path.concat('seccompProfile');
        return [
          {
            messageId: 'no-seccomp',
            data: { container },
            path: ref.path,
            fix: [{ op: 'set', path, value: { type: 'RuntimeDefault' } }],
          },
        ];
      }
      const owner = ownType === undefined ? podContext : own;
      const path = owner.path.concat('seccompProfile', 'type');
      return [
        {
          messageId: 'unconfined',
          data: { container },
          path,
          evidence: evidenceOf(type),
          fix: [{ op: 'set', path, value: 'RuntimeDefault' }],
        },
      ];
    }),
});
