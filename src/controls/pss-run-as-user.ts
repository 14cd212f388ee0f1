import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-run-as-user',
  checkId: 'runAsUser',
  title: 'Pod Security Standards (restricted): user id 0',
  description:
    'From v1.23 restricted forbids runAsUser: 0 on the pod or any container, which would run the process as root whatever the image says. From v1.35 pods in their own user namespace (hostUsers: false) are exempt.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    runAsUser: 0
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
    runAsUser: 10001
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  messages: {
    'root-uid': 'The {where} runs as user id 0 (root).',
  },
  remediation:
    'Set runAsUser to a non-zero user id (or remove it and rely on a non-root USER in the image), together with runAsNonRoot: true.',
  classify: () => ({ messageId: 'root-uid' }),
});
