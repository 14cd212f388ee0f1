import control from '../../src/controls/apiserver-service-account-key-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: ['--service-account-key-file=/etc/kubernetes/pki/service-account-key-file.pem'],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--service-account-key-file=/etc/kubernetes/pki/service-account-key-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'service-account-key-file' }],
    },
  ],
});
