import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-pki-certificate-permissions',
  title: 'Kubernetes PKI certificate file permissions',
  description:
    'Checks on the node that every certificate (*.crt) in /etc/kubernetes/pki has mode 644 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0111'], cis: ['1.1.20'] },
  remediation:
    'On each node run chmod 644 every certificate (*.crt) in /etc/kubernetes/pki (adjust the path to your distribution).',
});
