import control from '../../src/controls/controller-manager-service-account-private-key.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--service-account-private-key-file=/etc/kubernetes/pki/service-account-private-key-file.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--service-account-private-key-file=/etc/kubernetes/pki/service-account-private-key-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'service-account-private-key-file' }],
    },
  ],
});
