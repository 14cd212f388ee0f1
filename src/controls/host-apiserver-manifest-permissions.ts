import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-apiserver-manifest-permissions',
  title: 'API server manifest file permissions',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-apiserver.yaml has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0092'], cis: ['1.1.1'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/manifests/kube-apiserver.yaml (adjust the path to your distribution).',
});
