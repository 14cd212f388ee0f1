import { defineWorkloadRbacControl } from './rbac/workload-grants.js';
import { describeRule, isPublicInfo } from './rbac/risks.js';

export default defineWorkloadRbacControl({
  id: 'workload-rbac-token',
  title: 'Workload mounts a token that carries RBAC permissions',
  description:
    'Flags workloads that mount the API token of a ServiceAccount to which some RoleBinding or ClusterRoleBinding grants rules. Anyone who runs code in such a pod can use those rights; pods that never call the API should not carry them.',
  severity: 'high',
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
      automountServiceAccountToken: false
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
  aliases: { kubescape: ['C-0261', 'C-0053'] },
  remediation:
    'Set automountServiceAccountToken: false on pods that do not call the API server; for those that do, give the ServiceAccount a Role with only the verbs and resources the pod uses.',
  risk: (rule) => (isPublicInfo(rule) ? undefined : describeRule(rule)),
});
