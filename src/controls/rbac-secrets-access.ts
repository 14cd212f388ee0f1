import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-secrets-access',
  title: 'Subjects that can read Secrets',
  description:
    'Reports subjects whose roles allow get, list or watch on Secrets. Reading Secrets yields service account tokens, registry and cloud credentials, and usually a path to more privileges; list and watch return every Secret in scope at once.',
  severity: 'high',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ci-secrets
rules:
  - apiGroups: ['']
    resources: ['secrets']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-secrets
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ci-secrets
subjects:
  - kind: User
    name: ci-bot
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: ci-config
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: ci-config
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: ci-config
subjects:
  - kind: User
    name: ci-bot
`,
  },
  aliases: { kubescape: ['C-0015', 'C-0186'], cis: ['5.1.2'] },
  remediation:
    'Remove secrets from the role, or restrict the rule to the few Secrets the subject needs with resourceNames; mount Secrets into the pods that use them instead of reading them through the API.',
  risk: (grant) =>
    allowed(grant.rule, ['get', 'list', 'watch'], [{ group: '', resource: 'secrets' }]),
});
