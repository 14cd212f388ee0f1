import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-node-proxy',
  title: 'Subjects with access to the nodes/proxy subresource',
  description:
    'Reports subjects allowed to use nodes/proxy. It talks to the kubelet API directly, which can run commands in any pod on the node and bypasses admission control and most audit logging.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics-scraper
rules:
  - apiGroups: ['']
    resources: ['nodes', 'nodes/proxy']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: metrics-scraper
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: metrics-scraper
subjects:
  - kind: ServiceAccount
    name: prometheus
    namespace: monitoring
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: metrics-scraper
rules:
  - apiGroups: ['']
    resources: ['nodes', 'nodes/metrics']
    verbs: ['get', 'list', 'watch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: metrics-scraper
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: metrics-scraper
subjects:
  - kind: ServiceAccount
    name: prometheus
    namespace: monitoring
`,
  },
  aliases: { kubescape: ['C-0279'], cis: ['5.1.10'] },
  remediation:
    'Remove nodes/proxy from roles; monitoring agents usually need only nodes/metrics or nodes/stats.',
  risk: (grant) =>
    allowed(
      grant.rule,
      ['get', 'create', 'update', 'patch', 'delete'],
      [{ group: '', resource: 'nodes', subresource: 'proxy' }],
    ),
});
