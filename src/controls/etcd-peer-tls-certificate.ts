import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-peer-tls-certificate',
  component: 'etcd',
  title: 'etcd peers talk without TLS',
  description:
    'Checks that etcd sets --peer-cert-file and --peer-key-file, so replication traffic between etcd members is encrypted.',
  severity: 'high',
  aliases: { kubescape: ['C-0156'], cis: ['2.4'] },
  remediation:
    'Issue peer certificates and set --peer-cert-file and --peer-key-file on every member.',
  rule: flagsSet('peer-cert-file', 'peer-key-file'),
});
