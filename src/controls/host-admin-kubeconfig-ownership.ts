import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-admin-kubeconfig-ownership',
  title: 'Administrator kubeconfig file ownership',
  description:
    'Checks on the node that /etc/kubernetes/admin.conf (and super-admin.conf) is owned by root:root, so only administrators can change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0105'], cis: ['1.1.14'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/admin.conf (and super-admin.conf) (adjust the path to your distribution).',
});
