import control from '../../src/controls/apiserver-audit-policy-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'all set', flags: ['--audit-policy-file=/etc/kubernetes/pki/audit-policy-file.pem'] },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--audit-policy-file=/etc/kubernetes/pki/audit-policy-file.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'audit-policy-file' }],
    },
  ],
});
