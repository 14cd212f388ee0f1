import control from '../../src/controls/apiserver-etcd-ca-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'all set', flags: ['--etcd-cafile=/etc/kubernetes/pki/etcd-cafile.pem'] },
    {
      name: 'set among other flags',
      flags: ['--v=2', '--etcd-cafile=/etc/kubernetes/pki/etcd-cafile.pem', '--profiling=false'],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'etcd-cafile' }],
    },
  ],
});
