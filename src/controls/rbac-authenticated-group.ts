import { defineRbacControl, allowed, type BindingGrant } from './rbac/binding-grants.js';
import { describeRule, isPublicInfo, isReadOnly } from './rbac/risks.js';

function isAuthenticatedGroup(grant: BindingGrant): boolean {
  return grant.subject.kind === 'Group' && grant.subject.name === 'system:authenticated';
}

/** Writes, or any read that reaches Secrets (directly or through a wildcard). */
function isElevated(grant: BindingGrant): boolean {
  if (isPublicInfo(grant.rule)) return false;
  if (!isReadOnly(grant.rule)) return true;
  return (
    allowed(grant.rule, ['get', 'list', 'watch'], [{ group: '', resource: 'secrets' }]) !==
    undefined
  );
}

export default defineRbacControl({
  id: 'rbac-authenticated-group',
  title: 'All authenticated users granted elevated rights',
  description:
    'Reports bindings that give the system:authenticated group anything beyond reads of non-secret resources. Every identity the cluster knows, service accounts included, gets these rights.',
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: config-editor
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list', 'update', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: config-editor
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: config-editor
subjects:
  - kind: Group
    name: system:authenticated
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: config-editor
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list', 'update', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: config-editor
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: config-editor
subjects:
  - kind: Group
    name: config-admins
`,
  },
  aliases: { kubescape: ['C-0265'] },
  remediation:
    'Bind such roles to specific groups or service accounts rather than system:authenticated.',
  risk: (grant) =>
    isAuthenticatedGroup(grant) && isElevated(grant) ? describeRule(grant.rule) : undefined,
});
