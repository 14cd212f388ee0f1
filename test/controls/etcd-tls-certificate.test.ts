import control from '../../src/controls/etcd-tls-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--cert-file=/etc/kubernetes/pki/cert-file.pem',
        '--key-file=/etc/kubernetes/pki/key-file.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--cert-file=/etc/kubernetes/pki/cert-file.pem',
        '--key-file=/etc/kubernetes/pki/key-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [
        { messageId: 'flag-missing', flag: 'cert-file' },
        { messageId: 'flag-missing', flag: 'key-file' },
      ],
    },
    {
      name: 'only the first set',
      flags: ['--cert-file=/etc/kubernetes/pki/cert-file.pem'],
      problems: [{ messageId: 'flag-missing', flag: 'key-file' }],
    },
  ],
});
