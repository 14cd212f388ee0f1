import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-delete-events',
  title: 'Subjects that can delete events',
  description:
    'Reports subjects allowed to delete Kubernetes events, which lets an intruder erase traces of what they did.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: event-janitor
rules:
  - apiGroups: ['']
    resources: ['events']
    verbs: ['get', 'list', 'watch', 'delete']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: event-janitor
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: event-janitor
subjects:
  - kind: ServiceAccount
    name: event-exporter
    namespace: monitoring
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: event-janitor
rules:
  - apiGroups: ['']
    resources: ['events']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: event-janitor
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: event-janitor
subjects:
  - kind: ServiceAccount
    name: event-exporter
    namespace: monitoring
`,
  },
  aliases: { kubescape: ['C-0031'] },
  remediation:
    'Remove delete and deletecollection on events from roles; events expire on their own.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['delete', 'deletecollection'],
      [
        { group: '', resource: 'events' },
        { group: 'events.k8s.io', resource: 'events' },
      ],
    ),
});
