import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-pki-key-permissions',
  title: 'Kubernetes PKI key file permissions',
  description:
    'Checks on the node that every private key (*.key) in /etc/kubernetes/pki has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0112'], cis: ['1.1.21'] },
  remediation:
    'On each node run chmod 600 every private key (*.key) in /etc/kubernetes/pki (adjust the path to your distribution).',
});
