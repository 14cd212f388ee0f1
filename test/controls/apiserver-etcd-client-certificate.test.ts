import control from '../../src/controls/apiserver-etcd-client-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--etcd-certfile=/etc/kubernetes/pki/etcd-certfile.pem',
        '--etcd-keyfile=/etc/kubernetes/pki/etcd-keyfile.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--etcd-certfile=/etc/kubernetes/pki/etcd-certfile.pem',
        '--etcd-keyfile=/etc/kubernetes/pki/etcd-keyfile.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [
        { messageId: 'flag-missing', flag: 'etcd-certfile' },
        { messageId: 'flag-missing', flag: 'etcd-keyfile' },
      ],
    },
    {
      name: 'only the first set',
      flags: ['--etcd-certfile=/etc/kubernetes/pki/etcd-certfile.pem'],
      problems: [{ messageId: 'flag-missing', flag: 'etcd-keyfile' }],
    },
  ],
});
