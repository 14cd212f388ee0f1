import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-client-certificate-users',
  title: 'Client certificates used for users',
  description:
    'Review item: client certificates cannot be revoked and carry their groups for their whole lifetime, so they are a poor way to authenticate people.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0286'], cis: ['3.1.1'] },
  remediation:
    'Authenticate users with OIDC or a webhook; keep client certificates for components and break-glass access.',
});
