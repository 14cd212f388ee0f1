import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-proc-mount-restricted',
  checkId: 'procMount_restricted',
  title: 'Pod Security Standards (restricted): unmasked /proc in a user namespace',
  description:
    'From v1.35 restricted requires the default /proc masking even for pods in their own user namespace, which baseline lets unmask it. It replaces the baseline procMount rule: containers baseline already reports stay with pss-proc-mount, so this control reports only pods with hostUsers: false.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: builder
  namespace: ci
spec:
  hostUsers: false
  containers:
    - name: builder
      image: registry.example/ci/builder:1.8.0
      securityContext:
        procMount: Unmasked
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: builder
  namespace: ci
spec:
  hostUsers: false
  containers:
    - name: builder
      image: registry.example/ci/builder:1.8.0
`,
  },
  aliases: { trivy: ['KSV027'] },
  messages: {
    unmasked:
      'The {where} sets procMount {value}; restricted requires Default even with hostUsers: false.',
  },
  remediation: 'Remove securityContext.procMount or set it to Default.',
  classify: (offence) => ({
    messageId: 'unmasked',
    fix: [{ op: 'set', path: offence.path, value: 'Default' }],
  }),
});
