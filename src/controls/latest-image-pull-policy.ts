import { describeContainer } from '../model/containers.js';
import { parseImageReference } from '../model/image-ref.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgeContainers } from './workload-scope.js';

type MessageId = 'stale-latest';

/** True for a reference that resolves to `latest`: no tag, or the latest tag, and no digest. */
function isFloating(image: string): boolean {
  const parsed = parseImageReference(image.trim());
  if (parsed === undefined || parsed.digest !== undefined) return false;
  return parsed.tag === undefined || parsed.tag === '' || parsed.tag === 'latest';
}

export default defineControl({
  id: 'latest-image-pull-policy',
  title: 'Image pull policy keeps a stale latest image',
  description:
    'Flags containers whose image resolves to latest while imagePullPolicy is set to something other than Always. Each node then runs whichever latest it pulled first, so replicas silently run different code. Left unset, the policy defaults to Always for such images and passes.',
  severity: 'low',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:latest
      imagePullPolicy: IfNotPresent
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
      imagePullPolicy: IfNotPresent
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0075'],
    checkov: ['CKV_K8S_15'],
    polaris: ['pullPolicyNotAlways'],
  },
  messages: {
    'stale-latest':
      'The {container} runs {image} with imagePullPolicy {policy}, so nodes keep whatever latest they pulled first.',
  },
  remediation:
    'Pin the image to a version tag or digest (best), or set imagePullPolicy: Always so every start pulls the current latest.',
  check: (resource) =>
    judgeContainers(resource, (ref): Violation<MessageId>[] => {
      const image = ref.container['image'];
      const policy = ref.container['imagePullPolicy'];
      if (typeof image !== 'string' || !isFloating(image)) return [];
      if (policy === undefined || policy === null || policy === 'Always') return [];
      const path = ref.path.concat('imagePullPolicy');
      return [
        {
          messageId: 'stale-latest',
          data: { container: describeContainer(ref), image, policy: evidenceOf(policy) },
          path,
          evidence: evidenceOf(policy),
          fix: [{ op: 'set', path, value: 'Always' }],
        },
      ];
    }),
});
