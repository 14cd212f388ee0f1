import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-audit-policy-coverage',
  title: 'Audit policy misses key security concerns',
  description:
    'Checks the audit policy file on the control plane: it should record access to Secrets, ConfigMaps and tokens at metadata level, and exec, attach and port-forward requests.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0161'], cis: ['3.2.2'] },
  remediation:
    'Extend the audit Policy to cover Secrets, ConfigMaps, TokenReviews and pod exec/attach/portforward without logging Secret contents.',
});
