import { defineRbacControl, type BindingGrant } from './rbac/binding-grants.js';
import { describeRule, isPublicInfo } from './rbac/risks.js';

const ANONYMOUS = new Set(['User:system:anonymous', 'Group:system:unauthenticated']);

function isAnonymous(grant: BindingGrant): boolean {
  return ANONYMOUS.has(`${grant.subject.kind}:${grant.subject.name}`);
}

export default defineRbacControl({
  id: 'rbac-anonymous-access',
  title: 'Anonymous requests granted RBAC permissions',
  description:
    'Reports bindings that give permissions to system:anonymous or system:unauthenticated. With anonymous authentication on, anyone who reaches the API server gets them without credentials. Read access to the health and version endpoints alone is not reported.',
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: status-reader
rules:
  - apiGroups: ['']
    resources: ['pods', 'services']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: status-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: status-reader
subjects:
  - kind: Group
    name: system:unauthenticated
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: status-reader
rules:
  - apiGroups: ['']
    resources: ['pods', 'services']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: status-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: status-reader
subjects:
  - kind: Group
    name: status-page
`,
  },
  aliases: { kubescape: ['C-0262'] },
  remediation:
    'Remove system:anonymous and system:unauthenticated from the binding; give the permission to authenticated identities instead.',
  risk: (grant) =>
    isAnonymous(grant) && !isPublicInfo(grant.rule) ? describeRule(grant.rule) : undefined,
});
