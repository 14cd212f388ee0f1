import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-csr-approval',
  title: 'Subjects that can approve certificate signing requests',
  description:
    'Reports subjects allowed to update the approval subresource of CertificateSigningRequests. Approving a request for a chosen user or group (system:masters included) mints a credential for it.',
  severity: 'medium',
  aliases: { kubescape: ['C-0280'], cis: ['5.1.11'] },
  remediation: 'Leave CSR approval to the controller manager and a few administrators.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['update', 'patch'],
      [
        {
          group: 'certificates.k8s.io',
          resource: 'certificatesigningrequests',
          subresource: 'approval',
        },
      ],
    ),
});
