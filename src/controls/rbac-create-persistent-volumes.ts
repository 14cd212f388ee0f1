import { defineRbacControl, allowed } from './rbac/binding-grants.js';

export default defineRbacControl({
  id: 'rbac-create-persistent-volumes',
  title: 'Subjects that can create PersistentVolumes',
  description:
    "Reports subjects allowed to create PersistentVolumes. A PersistentVolume can point at a hostPath, so creating one is a way to mount the node's filesystem without Pod Security admission noticing.",
  severity: 'medium',
  aliases: { kubescape: ['C-0278'], cis: ['5.1.9'] },
  remediation:
    'Let a StorageClass provision volumes dynamically and keep PersistentVolume creation for administrators.',
  risk: (grant) => allowed(grant.rule, ['create'], [{ group: '', resource: 'persistentvolumes' }]),
});
