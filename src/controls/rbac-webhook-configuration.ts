import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-webhook-configuration',
  title: 'Subjects that can change admission webhooks',
  description:
    'Reports subjects allowed to create, update, patch or delete validating or mutating webhook configurations. Such a subject can switch policy enforcement off or have every new object sent to, and rewritten by, a server it controls.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: policy-operator
rules:
  - apiGroups: ['admissionregistration.k8s.io']
    resources: ['validatingwebhookconfigurations']
    verbs: ['get', 'list', 'watch', 'create', 'update', 'delete']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: policy-operator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: policy-operator
subjects:
  - kind: ServiceAccount
    name: policy-operator
    namespace: policy
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: policy-operator
rules:
  - apiGroups: ['admissionregistration.k8s.io']
    resources: ['validatingwebhookconfigurations']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: policy-operator
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: policy-operator
subjects:
  - kind: ServiceAccount
    name: policy-operator
    namespace: policy
`,
  },
  aliases: { kubescape: ['C-0281'], cis: ['5.1.12'] },
  remediation:
    'Limit webhook configuration changes to cluster administrators and the operators that own them, restricted by resourceNames.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create', 'update', 'patch', 'delete'],
      [
        { group: 'admissionregistration.k8s.io', resource: 'validatingwebhookconfigurations' },
        { group: 'admissionregistration.k8s.io', resource: 'mutatingwebhookconfigurations' },
      ],
    ),
});
