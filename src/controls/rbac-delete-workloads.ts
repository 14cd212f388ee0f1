import { defineRbacControl, allowed } from './rbac/binding-grants.js';
import { WORKLOAD_TARGETS } from './rbac/risks.js';

export default defineRbacControl({
  id: 'rbac-delete-workloads',
  title: 'Subjects that can delete workloads',
  description:
    'Reports subjects allowed to delete pods or the controllers that own them. Deleting workloads takes services down and can remove evidence.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: release-bot
  namespace: shop
rules:
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['get', 'list', 'patch', 'delete']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: release-bot
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: release-bot
subjects:
  - kind: ServiceAccount
    name: release-bot
    namespace: ci
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: release-bot
  namespace: shop
rules:
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['get', 'list', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: release-bot
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: release-bot
subjects:
  - kind: ServiceAccount
    name: release-bot
    namespace: ci
`,
  },
  aliases: { kubescape: ['C-0007'] },
  remediation:
    'Limit delete and deletecollection to the owners of the namespace and to automation that needs it.',
  risk: (grant) => allowed(grant.rule, ['delete', 'deletecollection'], WORKLOAD_TARGETS),
});
