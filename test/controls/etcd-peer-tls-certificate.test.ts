import control from '../../src/controls/etcd-peer-tls-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--peer-cert-file=/etc/kubernetes/pki/peer-cert-file.pem',
        '--peer-key-file=/etc/kubernetes/pki/peer-key-file.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--peer-cert-file=/etc/kubernetes/pki/peer-cert-file.pem',
        '--peer-key-file=/etc/kubernetes/pki/peer-key-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [
        { messageId: 'flag-missing', flag: 'peer-cert-file' },
        { messageId: 'flag-missing', flag: 'peer-key-file' },
      ],
    },
    {
      name: 'only the first set',
      flags: ['--peer-cert-file=/etc/kubernetes/pki/peer-cert-file.pem'],
      problems: [{ messageId: 'flag-missing', flag: 'peer-key-file' }],
    },
  ],
});
