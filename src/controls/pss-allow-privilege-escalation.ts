import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-allow-privilege-escalation',
  checkId: 'allowPrivilegeEscalation',
  title: 'Pod Security Standards (restricted): privilege escalation not forbidden',
  description:
    'From v1.8 restricted requires every container to set allowPrivilegeEscalation: false, which stops setuid binaries and file capabilities from raising a process above the privileges it started with. From v1.25 Windows pods are exempt.',
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
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      securityContext:
        allowPrivilegeEscalation: false
`,
  },
  aliases: { kubescape: ['C-0016'], checkov: ['CKV_K8S_20'], trivy: ['KSV001'] },
  messages: {
    allowed: 'The {where} explicitly allows privilege escalation.',
    'not-disabled':
      'The {where} does not set allowPrivilegeEscalation: false (it is {value}, and the default allows escalation).',
  },
  remediation: 'Set securityContext.allowPrivilegeEscalation: false on every container.',
  classify: (offence) => ({
    messageId: offence.value === true ? 'allowed' : 'not-disabled',
    fix: [{ op: 'set', path: offence.path, value: false }],
  }),
});
