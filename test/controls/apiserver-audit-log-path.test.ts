import control from '../../src/controls/apiserver-audit-log-path.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'all set', flags: ['--audit-log-path=/etc/kubernetes/pki/audit-log-path.pem'] },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--audit-log-path=/etc/kubernetes/pki/audit-log-path.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'audit-log-path' }],
    },
  ],
});
