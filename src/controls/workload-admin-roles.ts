import { isFullWildcard } from './rbac/risks.js';
import { defineWorkloadRbacControl } from './rbac/workload-grants.js';

export default defineWorkloadRbacControl({
  id: 'workload-admin-roles',
  title: 'Workload token has administrator rights',
  description:
    'Flags workloads whose mounted ServiceAccount token holds a rule granting every verb on every resource of every API group (cluster-admin, or namespace admin through a RoleBinding). A compromised container then owns the cluster or the namespace outright.',
  severity: 'critical',
  examples: {
    failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: web-admin
rules:
  - apiGroups: ['*']
    resources: ['*']
    verbs: ['*']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: web-admin
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
`,
    passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: registry.example/shop/web:1.4.2
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: web-reader
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-reader
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: web-reader
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
`,
  },
  aliases: { kubescape: ['C-0272'] },
  remediation:
    'Bind the ServiceAccount to a role listing only what the workload uses, or stop mounting its token; keep administrator rights for a few break-glass identities, never pods.',
  risk: (rule) => (isFullWildcard(rule) ? 'do anything to every resource' : undefined),
});
