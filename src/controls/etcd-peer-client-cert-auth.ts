import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-peer-client-cert-auth',
  component: 'etcd',
  title: 'etcd does not authenticate its peers',
  description:
    'Checks that etcd runs with --peer-client-cert-auth=true. Otherwise anything that reaches the peer port can join or read replication traffic.',
  severity: 'high',
  aliases: { kubescape: ['C-0157'], cis: ['2.5'] },
  remediation: 'Set --peer-client-cert-auth=true and --peer-trusted-ca-file on every member.',
  rule: flagEquals('peer-client-cert-auth', 'true', 'false'),
});
