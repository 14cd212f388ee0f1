import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-escalate-bind-impersonate',
  title: 'Subjects that can escalate, bind or impersonate',
  description:
    'Reports subjects holding escalate or bind on roles, or impersonate on users, groups, service accounts or user attributes. Each one lets the holder act with permissions beyond those it was given.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ci-deployer
rules:
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['get', 'list', 'patch']
  - apiGroups: ['']
    resources: ['serviceaccounts']
    verbs: ['impersonate']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ci-deployer
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ci-deployer
rules:
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['get', 'list', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-deployer
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ci-deployer
subjects:
  - kind: ServiceAccount
    name: deployer
    namespace: ci
`,
  },
  aliases: { kubescape: ['C-0191', 'C-0065'], cis: ['5.1.8'] },
  remediation:
    'Remove escalate, bind and impersonate from roles that do not administer RBAC; where needed, restrict them with resourceNames.',
  risk: (grant) =>
    [
      allowed(
        grant.rule,
        ['escalate', 'bind'],
        [
          { group: 'rbac.authorization.k8s.io', resource: 'roles' },
          { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
        ],
      ),
      allowed(
        grant.rule,
        ['impersonate'],
        [
          { group: '', resource: 'users' },
          { group: '', resource: 'groups' },
          { group: '', resource: 'serviceaccounts' },
          { group: 'authentication.k8s.io', resource: 'uids' },
          { group: 'authentication.k8s.io', resource: 'userextras', subresource: 'scopes' },
        ],
      ),
    ]
      .filter((text) => text !== undefined)
      .join('; ') || undefined,
});
