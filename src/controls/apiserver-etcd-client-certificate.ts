import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-etcd-client-certificate',
  component: 'kube-apiserver',
  title: 'API server connects to etcd without a client certificate',
  description:
    'Checks that kube-apiserver sets --etcd-certfile and --etcd-keyfile, so it authenticates to etcd with a client certificate over TLS.',
  severity: 'high',
  aliases: { kubescape: ['C-0137'], cis: ['1.2.23'] },
  remediation:
    'Issue a client certificate for the API server and set --etcd-certfile and --etcd-keyfile; require client certificates on etcd.',
  rule: flagsSet('etcd-certfile', 'etcd-keyfile'),
});
