import { definePssControl } from './pss-control.js';

export default definePssControl({
  id: 'pss-proc-mount',
  checkId: 'procMount',
  title: 'Pod Security Standards (baseline): unmasked /proc',
  description:
    'Baseline requires the default masking of /proc, which hides kernel interfaces a container has no business reading or writing. From v1.35 pods in their own user namespace (hostUsers: false) may unmask it; at restricted level pss-proc-mount-restricted reports those as well.',
  severity: 'medium',
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
