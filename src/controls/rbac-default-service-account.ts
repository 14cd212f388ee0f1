import { defineRbacControl } from './rbac/binding-grants.js';
import { describeRule } from './rbac/risks.js';

export default defineRbacControl({
  id: 'rbac-default-service-account',
  title: 'Default service accounts granted RBAC permissions',
  description:
    "Reports bindings that give permissions to a namespace's default ServiceAccount. Every pod that names no service account runs as default, so anything granted to it is granted to all of them.",
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: config-reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: config-reader
subjects:
  - kind: ServiceAccount
    name: default
    namespace: shop
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: config-reader
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: config-reader
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
`,
  },
  aliases: { kubescape: ['C-0189', 'C-0225', 'C-0239'], cis: ['5.1.5'] },
  remediation:
    'Create a dedicated ServiceAccount for each workload that calls the API, bind roles to it, and leave the default ServiceAccount without bindings.',
  risk: (grant) =>
    grant.subject.kind === 'ServiceAccount' &&
    grant.subject.name === 'default' &&
    grant.rule.verbs.length > 0
      ? describeRule(grant.rule)
      : undefined,
});
