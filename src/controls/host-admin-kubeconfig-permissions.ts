import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-admin-kubeconfig-permissions',
  title: 'Administrator kubeconfig file permissions',
  description:
    'Checks on the node that /etc/kubernetes/admin.conf (and super-admin.conf) has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0104'], cis: ['1.1.13'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/admin.conf (and super-admin.conf) (adjust the path to your distribution).',
});
