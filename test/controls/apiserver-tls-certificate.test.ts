import control from '../../src/controls/apiserver-tls-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--tls-cert-file=/etc/kubernetes/pki/tls-cert-file.pem',
        '--tls-private-key-file=/etc/kubernetes/pki/tls-private-key-file.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--tls-cert-file=/etc/kubernetes/pki/tls-cert-file.pem',
        '--tls-private-key-file=/etc/kubernetes/pki/tls-private-key-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [
        { messageId: 'flag-missing', flag: 'tls-cert-file' },
        { messageId: 'flag-missing', flag: 'tls-private-key-file' },
      ],
    },
    {
      name: 'only the first set',
      flags: ['--tls-cert-file=/etc/kubernetes/pki/tls-cert-file.pem'],
      problems: [{ messageId: 'flag-missing', flag: 'tls-private-key-file' }],
    },
  ],
});
