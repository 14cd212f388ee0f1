import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-pod-exec',
  title: 'Subjects that can exec into or attach to pods',
  description:
    'Reports subjects allowed to use the pods/exec or pods/attach subresources. Either gives a shell inside running containers, with their mounted tokens and Secrets.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: debuggers
rules:
  - apiGroups: ['']
    resources: ['pods/exec']
    verbs: ['create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: debuggers
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: debuggers
subjects:
  - kind: Group
    name: support
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: viewers
rules:
  - apiGroups: ['']
    resources: ['pods', 'pods/log']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: viewers
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: viewers
subjects:
  - kind: Group
    name: support
`,
  },
  aliases: { kubescape: ['C-0002'] },
  remediation:
    'Grant pods/exec and pods/attach only to break-glass roles; prefer logs, ephemeral debug containers under review, or kubectl debug with audit.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['create', 'get'],
      [
        { group: '', resource: 'pods', subresource: 'exec' },
        { group: '', resource: 'pods', subresource: 'attach' },
      ],
    ),
});
