import { describeContainer } from '../model/containers.js';
import { parseImageReference } from '../model/image-ref.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'not-pinned';

export default defineControl({
  id: 'image-digest',
  title: 'Image not pinned to a digest',
  description:
    'Flags container images referenced by tag rather than by digest. Tags are mutable: whoever can push to the repository can change what a tag points to, so the cluster may run code nobody reviewed, and two nodes may run different images.',
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
      image: registry.example/shop/web:1.4.2@sha256:4b5e57f6eb2f42b9039b3d1e13929295f231749c510cbe341cd68036d9af97e2
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0306'], checkov: ['CKV_K8S_43'] },
  messages: {
    'not-pinned': 'The {container} references {image} without a digest.',
  },
  remediation:
    'Reference images as name@sha256:<digest> (tools such as crane, skopeo or a Renovate/Dependabot pinning rule resolve and update digests); keeping the tag next to it (name:tag@sha256:…) preserves readability.',
  check: (resource) =>
    judgeContainers(resource, (ref): Violation<MessageId>[] => {
      const image = ref.container['image'];
      if (typeof image !== 'string' || image.trim() === '') return [];
      if (parseImageReference(image.trim())?.digest !== undefined) return [];
      return [
        {
          messageId: 'not-pinned',
          data: { container: describeContainer(ref), image },
          path: ref.path.concat('image'),
          evidence: image,
        },
      ];
    }),
});
