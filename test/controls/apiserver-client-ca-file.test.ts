import control from '../../src/controls/apiserver-client-ca-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'all set', flags: ['--client-ca-file=/etc/kubernetes/pki/client-ca-file.pem'] },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--client-ca-file=/etc/kubernetes/pki/client-ca-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'client-ca-file' }],
    },
  ],
});
