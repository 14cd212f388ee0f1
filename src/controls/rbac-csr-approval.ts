import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-csr-approval',
  title: 'Subjects that can approve certificate signing requests',
  description:
    'Reports subjects allowed to update the approval subresource of CertificateSigningRequests. Approving a request for a chosen user or group (system:masters included) mints a credential for it.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cert-helper
rules:
  - apiGroups: ['certificates.k8s.io']
    resources: ['certificatesigningrequests']
    verbs: ['get', 'list', 'create']
  - apiGroups: ['certificates.k8s.io']
    resources: ['certificatesigningrequests/approval']
    verbs: ['update']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cert-helper
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cert-helper
subjects:
  - kind: ServiceAccount
    name: cert-helper
    namespace: ops
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cert-helper
rules:
  - apiGroups: ['certificates.k8s.io']
    resources: ['certificatesigningrequests']
    verbs: ['get', 'list', 'create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cert-helper
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: cert-helper
subjects:
  - kind: ServiceAccount
    name: cert-helper
    namespace: ops
`,
  },
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
