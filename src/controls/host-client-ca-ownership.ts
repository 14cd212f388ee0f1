import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-client-ca-ownership',
  title: 'Client CA file ownership',
  description:
    'Checks on the node that the CA file the kubelet trusts for client certificates is owned by root:root, so only administrators can change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0169'], cis: ['4.1.8'] },
  remediation:
    'On each node run chown root:root the CA file the kubelet trusts for client certificates (adjust the path to your distribution).',
});
