import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-controller-manager-kubeconfig-permissions',
  title: 'Controller manager kubeconfig file permissions',
  description:
    'Checks on the node that /etc/kubernetes/controller-manager.conf has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0108'], cis: ['1.1.17'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/controller-manager.conf (adjust the path to your distribution).',
});
