import control from '../../src/controls/etcd-unique-ca.js';
import { controlTester } from './control-tester.js';
import { staticPod } from './control-plane-cases.js';

const apiserver = (ca: string) =>
  staticPod('kube-apiserver', [`--client-ca-file=${ca}`, '--etcd-servers=https://127.0.0.1:2379']);
const etcd = (ca?: string) =>
  staticPod('etcd', ca === undefined ? ['--client-cert-auth=true'] : [`--trusted-ca-file=${ca}`]);

controlTester.run(control, {
  valid: [
    {
      name: 'etcd has its own CA (kubeadm layout)',
      object: etcd('/etc/kubernetes/pki/etcd/ca.crt'),
      extra: [apiserver('/etc/kubernetes/pki/ca.crt')],
    },
  ],
  invalid: [
    {
      name: 'etcd trusts the cluster client CA',
      object: etcd('/etc/kubernetes/pki/ca.crt'),
      extra: [apiserver('/etc/kubernetes/pki/ca.crt')],
      violations: [
        {
          messageId: 'shared-ca',
          path: ['spec', 'containers', 0, 'command', 1],
          evidence: '--trusted-ca-file=/etc/kubernetes/pki/ca.crt',
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'no API server in the scan',
      object: etcd('/etc/kubernetes/pki/ca.crt'),
      reason: /no kube-apiserver/,
    },
    {
      name: 'etcd without --trusted-ca-file',
      object: etcd(),
      extra: [apiserver('/x')],
      reason: /trusted-ca-file/,
    },
  ],
});
