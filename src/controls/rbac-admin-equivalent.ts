import { defineRbacControl } from './rbac/binding-grants.js';
import { isFullWildcard } from './rbac/risks.js';

export default defineRbacControl({
  id: 'rbac-admin-equivalent',
  title: 'Subjects with administrator-equivalent rules',
  description:
    'Reports subjects holding a rule that grants every verb on every resource in every API group, which is cluster-admin in all but name (or namespace admin for a RoleBinding).',
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: platform-ops
rules:
  - apiGroups: ['*']
    resources: ['*']
    verbs: ['*']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: platform-ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: platform-ops
subjects:
  - kind: Group
    name: platform-team
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: platform-ops
rules:
  - apiGroups: ['apps']
    resources: ['deployments', 'statefulsets', 'daemonsets']
    verbs: ['get', 'list', 'watch', 'patch']
  - apiGroups: ['']
    resources: ['nodes']
    verbs: ['get', 'list', 'watch', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: platform-ops
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: platform-ops
subjects:
  - kind: Group
    name: platform-team
`,
  },
  aliases: { kubescape: ['C-0035'] },
  remediation:
    'Replace wildcard rules with the verbs and resources the subject uses; keep full administrator rights for a few break-glass identities.',
  risk: (grant) => (isFullWildcard(grant.rule) ? 'do anything to every resource' : undefined),
});
