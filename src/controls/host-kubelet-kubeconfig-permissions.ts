import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-kubeconfig-permissions',
  title: 'kubelet kubeconfig file permissions',
  description:
    'Checks on the node that /etc/kubernetes/kubelet.conf has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0166', 'C-0238'], cis: ['4.1.5'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/kubelet.conf (adjust the path to your distribution).',
});
