import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-service-account-key-file',
  component: 'kube-apiserver',
  title: 'API server has no service account verification key',
  description:
    'Checks that kube-apiserver sets --service-account-key-file, the public keys that verify service account tokens, so keys can be rotated without reusing the TLS key.',
  severity: 'medium',
  aliases: { kubescape: ['C-0136'], cis: ['1.2.22'] },
  remediation:
    "Set --service-account-key-file to the public half of the controller manager's --service-account-private-key-file.",
  rule: flagsSet('service-account-key-file'),
});
