import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-privileged',
  checkId: 'privileged',
  title: 'Pod Security Standards (baseline): privileged containers',
  description:
    'Baseline forbids privileged containers: a privileged container sees every device of the node and runs without the confinement of the container runtime, so escaping to the node is trivial.',
  severity: 'high',
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
        privileged: true
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
        privileged: false
`,
  },
  aliases: { kubescape: ['C-0057'], checkov: ['CKV_K8S_16'], trivy: ['KSV017'] },
  messages: {
    privileged: 'The {where} runs privileged (securityContext.privileged: {value}).',
  },
  remediation:
    'Remove securityContext.privileged or set it to false. If the workload needs one specific kernel feature, grant that capability alone, or move it to a namespace labelled for the privileged level.',
  classify: (offence) => ({
    messageId: 'privileged',
    fix: [{ op: 'set', path: offence.path, value: false }],
  }),
});
