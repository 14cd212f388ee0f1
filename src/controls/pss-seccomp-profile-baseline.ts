import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-seccomp-profile-baseline',
  checkId: 'seccompProfile_baseline',
  title: 'Pod Security Standards (baseline): seccomp switched off',
  description:
    'Baseline forbids explicitly running without a seccomp filter. Up to v1.18 it reads the alpha seccomp annotations (allowed: runtime/default, docker/default, localhost/<profile>); from v1.19 it reads seccompProfile.type, which where set must be RuntimeDefault or Localhost. At restricted level from v1.19, pss-seccomp-profile-restricted additionally requires a profile.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    seccompProfile:
      type: Unconfined
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
  messages: {
    'profile-type':
      'The {where} sets seccomp profile type {value}, which runs it without a seccomp filter.',
    'missing-type':
      'The {where} sets a seccompProfile without a type, which does not name a seccomp filter.',
    annotation: 'The {where} sets seccomp profile {value}, which runs without a seccomp filter.',
  },
  remediation:
    'Set seccompProfile.type to RuntimeDefault (or Localhost with a profile installed on the nodes) instead of Unconfined; for clusters older than v1.19, use the annotation value runtime/default.',
  classify: (offence) =>
    offence.podPath[0] === 'metadata'
      ? {
          messageId: 'annotation',
          fix: [{ op: 'set', path: offence.path, value: 'runtime/default' }],
        }
      : {
          messageId: offence.present ? 'profile-type' : 'missing-type',
          fix: [{ op: 'set', path: offence.path, value: 'RuntimeDefault' }],
        },
});
