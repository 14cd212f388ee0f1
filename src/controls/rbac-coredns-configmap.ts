import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-coredns-configmap',
  title: 'Subjects that can change the CoreDNS configuration',
  description:
    'Reports subjects allowed to update or patch the coredns ConfigMap in kube-system (through a ClusterRoleBinding or a RoleBinding in kube-system). Rewriting cluster DNS redirects any service name to an attacker-chosen address.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dns-tuner
  namespace: kube-system
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    resourceNames: ['coredns']
    verbs: ['get', 'update', 'patch']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: dns-tuner
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: dns-tuner
subjects:
  - kind: ServiceAccount
    name: dns-tuner
    namespace: ops
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: dns-tuner
  namespace: kube-system
rules:
  - apiGroups: ['']
    resources: ['configmaps']
    resourceNames: ['coredns']
    verbs: ['get']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: dns-tuner
  namespace: kube-system
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: dns-tuner
subjects:
  - kind: ServiceAccount
    name: dns-tuner
    namespace: ops
`,
  },
  aliases: { kubescape: ['C-0037'] },
  remediation: 'Keep write access to kube-system ConfigMaps for cluster administrators only.',
  risk: (grant) =>
    grant.binding.clusterWide || grant.binding.namespace === 'kube-system'
      ? allowed(
          grant.rule,
          ['update', 'patch'],
          [{ group: '', resource: 'configmaps', name: 'coredns' }],
        )
      : undefined,
});
