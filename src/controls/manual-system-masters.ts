import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-system-masters',
  title: 'Use of the system:masters group',
  description:
    'Review item: credentials in the system:masters group bypass RBAC and cannot be revoked by removing bindings; no user or component should hold one outside break-glass procedures.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0246'], cis: ['5.1.7'] },
  remediation:
    'Issue no client certificates with O=system:masters except the break-glass admin credential, and keep that offline.',
});
