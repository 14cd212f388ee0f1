import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-pki-ownership',
  title: 'Kubernetes PKI directory ownership',
  description:
    'Checks on the node that /etc/kubernetes/pki and every file in it is owned by root:root, so only administrators can change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0110'], cis: ['1.1.19'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/pki and every file in it (adjust the path to your distribution).',
});
