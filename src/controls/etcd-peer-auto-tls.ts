import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-peer-auto-tls',
  component: 'etcd',
  title: 'etcd peers use self-signed certificates',
  description:
    'Checks that etcd does not run with --peer-auto-tls=true, which makes members use self-signed peer certificates nobody verifies.',
  severity: 'medium',
  aliases: { kubescape: ['C-0158'], cis: ['2.6'] },
  remediation: 'Remove --peer-auto-tls or set it to false and configure peer certificates.',
  rule: flagEquals('peer-auto-tls', 'false', 'false'),
});
