import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-run-as-non-root',
  checkId: 'runAsNonRoot',
  title: 'Pod Security Standards (restricted): non-root user not required',
  description:
    'Restricted requires runAsNonRoot: true, on the pod (covering every container that leaves it unset) or on each container, and false nowhere. The kubelet then refuses to start a container whose image would run as root. From v1.35 pods in their own user namespace (hostUsers: false) are exempt.',
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
    runAsNonRoot: true
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  aliases: { kubescape: ['C-0013'], checkov: ['CKV_K8S_23'], trivy: ['KSV012'] },
  messages: {
    'set-false': 'The {where} sets runAsNonRoot: false.',
    'not-required':
      'The {where} does not require a non-root user (runAsNonRoot is {value}, and the pod does not set it to true).',
  },
  remediation:
    'Set securityContext.runAsNonRoot: true on the pod and remove any runAsNonRoot: false from containers; build the image with a numeric non-root USER, or set runAsUser to a non-zero id.',
  classify: (offence) => ({
    messageId: offence.value === false ? 'set-false' : 'not-required',
    fix: [{ op: 'set', path: offence.path, value: true }],
  }),
});
