import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-controller-manager-manifest-ownership',
  title: 'Controller manager manifest file ownership',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-controller-manager.yaml is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0095'], cis: ['1.1.4'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/manifests/kube-controller-manager.yaml (adjust the path to your distribution).',
});
