import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-client-ca-permissions',
  title: 'Client CA file permissions',
  description:
    'Checks on the node that the CA file the kubelet trusts for client certificates (authentication.x509.clientCAFile) has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0168'], cis: ['4.1.7'] },
  remediation:
    'On each node run chmod 600 the CA file the kubelet trusts for client certificates (authentication.x509.clientCAFile) (adjust the path to your distribution).',
});
