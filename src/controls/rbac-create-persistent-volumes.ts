import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-create-persistent-volumes',
  title: 'Subjects that can create PersistentVolumes',
  description:
    "Reports subjects allowed to create PersistentVolumes. A PersistentVolume can point at a hostPath, so creating one is a way to mount the node's filesystem without Pod Security admission noticing.",
  severity: 'medium',
  examples: {
    failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: storage-user
rules:
  - apiGroups: ['']
    resources: ['persistentvolumes', 'persistentvolumeclaims']
    verbs: ['get', 'list', 'create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: storage-user
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: storage-user
subjects:
  - kind: Group
    name: developers
`,
    passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: storage-user
rules:
  - apiGroups: ['']
    resources: ['persistentvolumes']
    verbs: ['get', 'list']
  - apiGroups: ['']
    resources: ['persistentvolumeclaims']
    verbs: ['get', 'list', 'create']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: storage-user
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: storage-user
subjects:
  - kind: Group
    name: developers
`,
  },
  aliases: { kubescape: ['C-0278'], cis: ['5.1.9'] },
  remediation:
    'Let a StorageClass provision volumes dynamically and keep PersistentVolume creation for administrators.',
  risk: (grant) => allowed(grant.rule, ['create'], [{ group: '', resource: 'persistentvolumes' }]),
});
