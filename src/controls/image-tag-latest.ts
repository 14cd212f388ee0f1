import { describeContainer } from '../model/containers.js';
import { parseImageReference } from '../model/image-ref.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'latest-tag' | 'no-tag';

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
      image: nginx:latest
`,
  passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:1.27.3
`,
};

export default defineControl({
  id: 'image-tag-latest',
  title: 'Image not pinned (latest or no tag)',
  description:
    'Flags container images referenced without a tag or with the latest tag, unless pinned by digest. Such references resolve to whatever was pushed last, so rollouts are not reproducible and a replaced image runs unnoticed.',
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    checkov: ['CKV_K8S_14'],
    polaris: ['tagNotSpecified'],
    kubeLinter: ['latest-tag'],
    trivy: ['KSV013'],
  },
  messages: {
    'latest-tag': 'The {container} uses the mutable tag "latest" ({image}).',
    'no-tag':
      'The {container} uses an image without a tag or digest ({image}), which means "latest".',
  },
  remediation:
    'Reference images by an immutable version tag, or better by digest (image@sha256:...), and update the reference deliberately when a new version is released.',
  examples,
  check: (resource) =>
    judgeContainers(resource, (ref): Violation<MessageId>[] => {
      const image = ref.container['image'];
      if (typeof image !== 'string') return [];
      const parsed = parseImageReference(image.trim());
      if (parsed === undefined || parsed.digest !== undefined) return [];
      if (parsed.tag !== undefined && parsed.tag !== '' && parsed.tag !== 'latest') return [];
      return [
        {
          messageId: parsed.tag === 'latest' ? 'latest-tag' : 'no-tag',
          data: { container: describeContainer(ref), image },
          path: ref.path.concat('image'),
          evidence: image,
        },
      ];
    }),
});
