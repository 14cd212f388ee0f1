import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-proc-mount',
  checkId: 'procMount',
  title: 'Pod Security Standards (baseline): unmasked /proc',
  description:
    'Baseline requires the default masking of /proc, which hides kernel interfaces a container has no business reading or writing. From v1.35 pods in their own user namespace (hostUsers: false) may unmask it; at restricted level pss-proc-mount-restricted reports those as well.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: builder
  namespace: ci
spec:
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
      securityContext:
        procMount: Unmasked
`,
  },
  aliases: { trivy: ['KSV027'] },
  messages: {
    unmasked: 'The {where} sets procMount {value} instead of Default.',
  },
  remediation:
    'Remove securityContext.procMount or set it to Default. Workloads that build containers inside containers should run with hostUsers: false.',
  classify: (offence) => ({
    messageId: 'unmasked',
    fix: [{ op: 'set', path: offence.path, value: 'Default' }],
  }),
});
