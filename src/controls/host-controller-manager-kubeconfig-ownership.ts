import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-controller-manager-kubeconfig-ownership',
  title: 'Controller manager kubeconfig file ownership',
  description:
    'Checks on the node that /etc/kubernetes/controller-manager.conf is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0109'], cis: ['1.1.18'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/controller-manager.conf (adjust the path to your distribution).',
});
