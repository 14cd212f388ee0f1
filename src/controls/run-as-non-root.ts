import type { JsonPath } from '../core/json-path.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import type { PodSpecRef } from '../model/workload.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import {
  judgeContainers,
  podSecurityContextOf,
  securityContextOf,
  type SecurityContextRef,
} from './workload-scope.js';

type MessageId = 'root-uid' | 'non-root-disabled' | 'non-root-not-enforced';

/** A field of the container's securityContext, else of the pod's: the container overrides. */
function effective<T>(
  field: string,
  accept: (value: unknown) => value is T,
  contexts: readonly SecurityContextRef[],
): { value: T; path: JsonPath } | undefined {
  for (const { context, path } of contexts) {
    const value = context?.[field];
    if (accept(value)) return { value, path: path.concat(field) };
  }
  return undefined;
}

const isNumber = (value: unknown): value is number => typeof value === 'number';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

function judge(ref: ContainerRef, pod: PodSpecRef): Violation<MessageId>[] {
  const container = securityContextOf(ref);
  const contexts = [container, podSecurityContextOf(pod)];
  const data = { container: describeContainer(ref) };
  const uid = effective('runAsUser', isNumber, contexts);
  // UID 0 is root whatever runAsNonRoot says (the kubelet would refuse to start it).
  if (uid?.value === 0) return [{ messageId: 'root-uid', data, path: uid.path, evidence: '0' }];
  if (uid !== undefined && uid.value > 0) return [];
  const nonRoot = effective('runAsNonRoot', isBoolean, contexts);
  if (nonRoot?.value === true) return [];
  if (nonRoot?.value === false) {
    return [
      {
        messageId: 'non-root-disabled',
        data,
        path: nonRoot.path,
        evidence: 'false',
        fix: [{ op: 'set', path: nonRoot.path, value: true }],
      },
    ];
  }
  return [
    {
      messageId: 'non-root-not-enforced',
      data,
      path: container.parentPath,
      fix: [{ op: 'set', path: container.path.concat('runAsNonRoot'), value: true }],
    },
  ];
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
      securityContext:
        runAsUser: 0
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
        runAsUser: 10001
`,
};

export default defineControl({
  id: 'run-as-non-root',
  title: 'Containers may run as root',
  description:
    'Flags containers that run as UID 0 or do not ensure a non-root user, through runAsNonRoot: true or a non-zero runAsUser at container or pod level (the container setting wins). Root in a container is root on the node once any isolation boundary fails.',
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0013'],
    checkov: ['CKV_K8S_23'],
    pss: ['runAsNonRoot', 'runAsUser'],
    cis: ['5.2.7'],
    polaris: ['runAsRootAllowed'],
    kubeLinter: ['run-as-non-root'],
    trivy: ['KSV012'],
  },
  messages: {
    'root-uid': 'The {container} runs as UID 0 (root).',
    'non-root-disabled': 'The {container} has runAsNonRoot: false, so it may run as root.',
    'non-root-not-enforced':
      'The {container} does not set runAsNonRoot: true or a non-zero runAsUser, so the image decides whether it runs as root.',
  },
  remediation:
    'Set securityContext.runAsNonRoot: true (pod or container level) and give the container a non-zero runAsUser, or build the image with a numeric non-root USER. Never set runAsUser: 0.',
  examples,
  check: (resource) => judgeContainers(resource, judge),
});
