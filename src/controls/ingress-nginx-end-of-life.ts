import { describeContainer } from '../model/containers.js';
import { defineControl, type Violation } from './define.js';
import { imageOf } from './image-versions.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'end-of-life';

/** Repositories of the community ingress-nginx controller (not NGINX Inc.'s own controller). */
const REPOSITORIES: ReadonlySet<string> = new Set([
  'ingress-nginx/controller',
  'ingress-nginx/controller-chroot',
  'kubernetes-ingress-controller/nginx-ingress-controller',
]);

export default defineControl({
  id: 'ingress-nginx-end-of-life',
  title: 'Retired ingress-nginx controller',
  description:
    'Flags workloads running the community ingress-nginx controller, which was retired in March 2026 and receives no security fixes. An internet-facing proxy without patches is a prime target (it has had several critical CVEs).',
  severity: 'medium',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-controller
  namespace: ingress
spec:
  selector:
    matchLabels:
      app: ingress-controller
  template:
    metadata:
      labels:
        app: ingress-controller
    spec:
      containers:
        - name: controller
          image: registry.k8s.io/ingress-nginx/controller:v1.11.2
          args: ['/nginx-ingress-controller', '--ingress-class=nginx']
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ingress-controller
  namespace: ingress
spec:
  selector:
    matchLabels:
      app: ingress-controller
  template:
    metadata:
      labels:
        app: ingress-controller
    spec:
      containers:
        - name: controller
          image: docker.io/library/traefik:v3.1.2
          args: ['--providers.kubernetesingress']
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0292'] },
  messages: {
    'end-of-life': 'The {container} runs {image}, the retired community ingress-nginx controller.',
  },
  remediation:
    'Plan a migration to a maintained ingress or Gateway API implementation (for example Envoy Gateway, Traefik, HAProxy or the NGINX Gateway Fabric), and until then keep the controller on its last release and off the public internet where possible.',
  check: (resource) =>
    judgeContainers(resource, (ref): Violation<MessageId>[] => {
      const found = imageOf(ref);
      if (found === undefined || !REPOSITORIES.has(found.repository.toLowerCase())) return [];
      return [
        {
          messageId: 'end-of-life',
          data: { container: describeContainer(ref), image: found.image },
          path: ref.path.concat('image'),
          evidence: found.image,
        },
      ];
    }),
});
