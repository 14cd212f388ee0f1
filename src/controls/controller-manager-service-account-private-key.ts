import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-service-account-private-key',
  component: 'kube-controller-manager',
  title: 'Controller manager has no service account signing key',
  description:
    'Checks that kube-controller-manager sets --service-account-private-key-file, the key that signs service account tokens, so the key can be managed and rotated.',
  severity: 'medium',
  aliases: { kubescape: ['C-0147'], cis: ['1.3.4'] },
  remediation:
    'Set --service-account-private-key-file and give the matching public key to kube-apiserver with --service-account-key-file.',
  rule: flagsSet('service-account-private-key-file'),
});
