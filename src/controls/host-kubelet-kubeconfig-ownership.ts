import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-kubeconfig-ownership',
  title: 'kubelet kubeconfig file ownership',
  description:
    'Checks on the node that /etc/kubernetes/kubelet.conf is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0167'], cis: ['4.1.6'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/kubelet.conf (adjust the path to your distribution).',
});
