import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-namespace-boundaries',
  title: 'Administrative boundaries with namespaces',
  description:
    'Review item: namespaces should separate teams and applications so RBAC, quotas and network policies can follow those boundaries.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0209'], cis: ['5.6.1'] },
  remediation: 'Split workloads into namespaces per team or application and scope roles to them.',
});
