import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-encryption-provider-config',
  component: 'kube-apiserver',
  title: 'Secrets not encrypted at rest',
  description:
    'Checks that kube-apiserver sets --encryption-provider-config. Without it Secrets are stored in etcd in plain text, readable by anyone with etcd access or a backup.',
  severity: 'high',
  aliases: { kubescape: ['C-0141', 'C-0066'], cis: ['1.2.27'] },
  remediation:
    'Write an EncryptionConfiguration (preferably with a KMS provider) and pass it with --encryption-provider-config.',
  rule: flagsSet('encryption-provider-config'),
});
