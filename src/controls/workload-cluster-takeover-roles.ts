import { allowed } from './rbac/binding-grants.js';
import { isFullWildcard, WORKLOAD_TARGETS } from './rbac/risks.js';
import { defineWorkloadRbacControl } from './rbac/workload-grants.js';
import type { PolicyRule } from '../model/rbac.js';

/** Rights that turn a foothold in one pod into control of the cluster. */
function takeoverRisk(rule: PolicyRule): string | undefined {
  if (isFullWildcard(rule)) return 'do anything to every resource';
  const parts = [
    allowed(rule, ['create'], WORKLOAD_TARGETS),
    allowed(rule, ['create', 'get'], [{ group: '', resource: 'pods', subresource: 'exec' }]),
    allowed(rule, ['get', 'list', 'watch'], [{ group: '', resource: 'secrets' }]),
    allowed(
      rule,
      ['bind', 'escalate'],
      [
        { group: 'rbac.authorization.k8s.io', resource: 'roles' },
        { group: 'rbac.authorization.k8s.io', resource: 'clusterroles' },
      ],
    ),
    allowed(
      rule,
      ['impersonate'],
      [
        { group: '', resource: 'users' },
        { group: '', resource: 'groups' },
        { group: '', resource: 'serviceaccounts' },
      ],
    ),
    allowed(rule, ['create'], [{ group: '', resource: 'serviceaccounts', subresource: 'token' }]),
    allowed(rule, ['get', 'create'], [{ group: '', resource: 'nodes', subresource: 'proxy' }]),
  ].filter((text) => text !== undefined);
  return parts.length === 0 ? undefined : parts.join('; ');
}

export default defineWorkloadRbacControl({
  id: 'workload-cluster-takeover-roles',
  title: 'Workload token can take over the cluster',
  description:
    'Flags workloads whose mounted ServiceAccount token can create pods or workloads, exec into pods, read Secrets, bind or escalate roles, impersonate, mint tokens or proxy to nodes. Each of these lets an attacker who runs code in the pod reach other workloads and, usually, cluster-admin.',
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
  name: web-pods
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-pods
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: web-pods
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
  name: web-pods
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: web-pods
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: web-pods
subjects:
  - kind: ServiceAccount
    name: web
    namespace: shop
`,
  },
  aliases: { kubescape: ['C-0267'] },
  remediation:
    'Move the rights out of the pod: run controllers that need them under a dedicated ServiceAccount in a locked-down namespace, disable token automounting elsewhere, and split roles so no workload holds these verbs.',
  risk: takeoverRisk,
});
