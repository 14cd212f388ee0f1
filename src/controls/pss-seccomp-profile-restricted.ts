import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-seccomp-profile-restricted',
  checkId: 'seccompProfile_restricted',
  title: 'Pod Security Standards (restricted): seccomp profile required',
  description:
    'From v1.19 restricted requires every container to run under a RuntimeDefault or Localhost seccomp profile, set on the pod or on the container. It replaces the baseline seccomp rule: an explicit Unconfined stays with pss-seccomp-profile-baseline, and this control reports what is missing besides. From v1.25 Windows pods are exempt.',
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
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
`,
  },
  aliases: { kubescape: ['C-0210'], checkov: ['CKV_K8S_31'], trivy: ['KSV030'] },
  messages: {
    missing:
      'The {where} runs without a seccomp profile: neither it nor the pod sets a RuntimeDefault or Localhost seccompProfile.',
  },
  remediation:
    'Set spec.securityContext.seccompProfile.type: RuntimeDefault on the pod (or Localhost with a profile installed on the nodes), and remove other types from containers.',
  // Explicit non-confining types are reported by pss-seccomp-profile-baseline, so what is left
  // here is always a container with no profile of its own under a pod without a confining one.
  classify: (offence) => ({
    messageId: 'missing',
    fix: [{ op: 'set', path: offence.path, value: 'RuntimeDefault' }],
  }),
});
