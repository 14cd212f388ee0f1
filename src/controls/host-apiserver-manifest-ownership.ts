import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-apiserver-manifest-ownership',
  title: 'API server manifest file ownership',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-apiserver.yaml is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0093'], cis: ['1.1.2'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/manifests/kube-apiserver.yaml (adjust the path to your distribution).',
});
