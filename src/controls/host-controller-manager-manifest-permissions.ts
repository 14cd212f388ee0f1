import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-controller-manager-manifest-permissions',
  title: 'Controller manager manifest file permissions',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-controller-manager.yaml has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0094'], cis: ['1.1.3'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/manifests/kube-controller-manager.yaml (adjust the path to your distribution).',
});
