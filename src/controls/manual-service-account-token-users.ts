import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-service-account-token-users',
  title: 'Service account tokens used by people',
  description:
    'Review item: service account tokens are meant for workloads; people using them leave no personal trail in audit logs.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0287'], cis: ['3.1.2'] },
  remediation:
    'Give people their own identities through OIDC and remove shared service account tokens from kubeconfigs.',
});
