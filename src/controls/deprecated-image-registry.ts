import { describeContainer } from '../model/containers.js';
import { defineControl, type Violation } from './define.js';
import { registryOf } from './image-registries.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'frozen-registry';

const FROZEN = 'k8s.gcr.io';
const SUCCESSOR = 'registry.k8s.io';

export default defineControl({
  id: 'deprecated-image-registry',
  title: 'Images from the frozen k8s.gcr.io registry',
  description:
    'Flags images pulled from k8s.gcr.io, the old Kubernetes project registry. It was frozen in 2023: it receives no new images or security fixes and may stop serving, so pods relying on it miss patches and can fail to start.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: metrics-server
  template:
    metadata:
      labels:
        app: metrics-server
    spec:
      containers:
        - name: metrics-server
          image: k8s.gcr.io/metrics-server/metrics-server:v0.6.4
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: metrics-server
  namespace: kube-system
spec:
  selector:
    matchLabels:
      app: metrics-server
  template:
    metadata:
      labels:
        app: metrics-server
    spec:
      containers:
        - name: metrics-server
          image: registry.k8s.io/metrics-server/metrics-server:v0.6.4
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0253'] },
  messages: {
    'frozen-registry': 'The {container} pulls {image} from the frozen k8s.gcr.io registry.',
  },
  remediation:
    'Pull the same image from registry.k8s.io (the attached fix rewrites the reference), then move to a currently supported version.',
  check: (resource) =>
    judgeContainers(resource, (ref): Violation<MessageId>[] => {
      const image = ref.container['image'];
      if (typeof image !== 'string' || registryOf(image)?.registry.toLowerCase() !== FROZEN)
        return [];
      const path = ref.path.concat('image');
      const trimmed = image.trim();
      return [
        {
          messageId: 'frozen-registry',
          data: { container: describeContainer(ref), image },
          path,
          evidence: image,
          fix: [{ op: 'set', path, value: `${SUCCESSOR}${trimmed.slice(FROZEN.length)}` }],
        },
      ];
    }),
});
