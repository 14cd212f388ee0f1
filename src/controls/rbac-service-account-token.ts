import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-service-account-token',
  title: 'Subjects that can create service account tokens',
  description:
    'Reports subjects allowed to create serviceaccounts/token, which issues a fresh token for any service account in scope and so borrows its permissions.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: token-broker
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['serviceaccounts/token']
    verbs: ['create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: token-broker
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: token-broker
subjects:
  - kind: ServiceAccount
    name: token-broker
    namespace: shop
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: token-broker
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['serviceaccounts']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: token-broker
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: token-broker
subjects:
  - kind: ServiceAccount
    name: token-broker
    namespace: shop
`,
  },
  aliases: { kubescape: ['C-0282'], cis: ['5.1.13'] },
  remediation:
    'Remove serviceaccounts/token create from roles, or restrict it with resourceNames to the accounts the subject manages.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create'],
      [{ group: '', resource: 'serviceaccounts', subresource: 'token' }],
    ),
});
