import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-port-forward',
  title: 'Subjects that can port-forward to pods',
  description:
    'Reports subjects allowed to use pods/portforward, which opens a tunnel from their machine straight into any pod in scope, past Services and NetworkPolicies.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: developer
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['pods', 'pods/log']
    verbs: ['get', 'list']
  - apiGroups: ['']
    resources: ['pods/portforward']
    verbs: ['create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: developer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: developer
subjects:
  - kind: Group
    name: shop-developers
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: developer
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['pods', 'pods/log']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: developer
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: developer
subjects:
  - kind: Group
    name: shop-developers
`,
  },
  aliases: { kubescape: ['C-0063'] },
  remediation: 'Remove pods/portforward from the role or keep it for break-glass roles only.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create', 'get'],
      [{ group: '', resource: 'pods', subresource: 'portforward' }],
    ),
});
