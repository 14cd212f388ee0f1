import { defineFlagControl } from './control-plane/flag-control.js';
import { flagEquals } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'etcd-auto-tls',
  component: 'etcd',
  title: 'etcd uses self-signed client certificates',
  description:
    'Checks that etcd does not run with --auto-tls=true, which makes it generate self-signed certificates that clients cannot verify.',
  severity: 'medium',
  aliases: { kubescape: ['C-0155'], cis: ['2.3'] },
  remediation: 'Remove --auto-tls or set it to false and configure --cert-file and --key-file.',
  rule: flagEquals('auto-tls', 'false', 'false'),
});
