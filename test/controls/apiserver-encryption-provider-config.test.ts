import control from '../../src/controls/apiserver-encryption-provider-config.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: ['--encryption-provider-config=/etc/kubernetes/pki/encryption-provider-config.pem'],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--encryption-provider-config=/etc/kubernetes/pki/encryption-provider-config.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'encryption-provider-config' }],
    },
  ],
});
