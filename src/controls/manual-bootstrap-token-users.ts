import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-bootstrap-token-users',
  title: 'Bootstrap tokens used by people',
  description:
    'Review item: bootstrap tokens exist to join nodes; they should be short-lived and never used to authenticate people.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0288'], cis: ['3.1.3'] },
  remediation: 'Delete long-lived bootstrap tokens and authenticate users with OIDC.',
});
