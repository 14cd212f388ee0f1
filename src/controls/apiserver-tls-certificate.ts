import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-tls-certificate',
  component: 'kube-apiserver',
  title: 'API server serves without its own TLS certificate',
  description:
    'Checks that kube-apiserver sets --tls-cert-file and --tls-private-key-file. Without them it generates a self-signed certificate that clients cannot verify.',
  severity: 'high',
  aliases: { kubescape: ['C-0138'], cis: ['1.2.24'] },
  remediation:
    'Set --tls-cert-file and --tls-private-key-file to a certificate signed by the cluster CA.',
  rule: flagsSet('tls-cert-file', 'tls-private-key-file'),
});
