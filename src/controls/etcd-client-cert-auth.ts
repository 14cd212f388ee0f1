import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-client-cert-auth',
  component: 'etcd',
  title: 'etcd does not require client certificates',
  description:
    'Checks that etcd runs with --client-cert-auth=true. Otherwise any client that can reach etcd reads and writes the whole cluster state.',
  severity: 'high',
  aliases: { kubescape: ['C-0154'], cis: ['2.2'] },
  remediation: 'Set --client-cert-auth=true and --trusted-ca-file on etcd.',
  rule: flagEquals('client-cert-auth', 'true', 'false'),
});
