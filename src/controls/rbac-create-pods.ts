import { defineRbacControl, allowed } from './rbac/binding-grants.js';
import { WORKLOAD_TARGETS } from './rbac/risks.js';

export default defineRbacControl({
  id: 'rbac-create-pods',
  title: 'Subjects that can create pods or workloads',
  description:
    'Reports subjects allowed to create pods or any controller that creates them (Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicaSets, ReplicationControllers). Whoever creates a pod can run it with any service account, Secret or ConfigMap of the namespace.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: support
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['get', 'list', 'create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: support
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: support
subjects:
  - kind: Group
    name: support
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: support
  namespace: shop
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['get', 'list']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: support
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: support
subjects:
  - kind: Group
    name: support
`,
  },
  aliases: { kubescape: ['C-0188'], cis: ['5.1.4'] },
  remediation:
    'Keep workload creation for deployment pipelines and namespace owners; enforce Pod Security admission in the namespaces where it is granted.',
  risk: (grant) => allowed(grant.rule, ['create'], WORKLOAD_TARGETS),
});
