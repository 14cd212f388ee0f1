import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-tls-certificate',
  component: 'etcd',
  title: 'etcd serves clients without TLS',
  description:
    'Checks that etcd sets --cert-file and --key-file, so client traffic (all cluster state, Secrets included) is encrypted.',
  severity: 'high',
  aliases: { kubescape: ['C-0153'], cis: ['2.1'] },
  remediation: 'Issue a serving certificate for etcd and set --cert-file and --key-file.',
  rule: flagsSet('cert-file', 'key-file'),
});
