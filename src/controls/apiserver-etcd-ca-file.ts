import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-etcd-ca-file',
  component: 'kube-apiserver',
  title: "API server does not verify etcd's certificate",
  description:
    'Checks that kube-apiserver sets --etcd-cafile, so it verifies the certificate etcd presents and cannot be pointed at an impostor.',
  severity: 'high',
  aliases: { kubescape: ['C-0140'], cis: ['1.2.26'] },
  remediation: 'Set --etcd-cafile to the CA that signs the etcd server certificates.',
  rule: flagsSet('etcd-cafile'),
});
