import control from '../../src/controls/apiserver-audit-log-maxbackup.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'at the minimum', flags: ['--audit-log-maxbackup=10'] },
    { name: 'above, repeated', flags: ['--audit-log-maxbackup=1', '--audit-log-maxbackup=30'] },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'audit-log-maxbackup' }],
    },
    {
      name: 'below',
      flags: ['--audit-log-maxbackup=9'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxbackup',
          data: { value: '9', minimum: 10 },
        },
      ],
    },
    {
      name: 'not a number',
      flags: ['--audit-log-maxbackup=lots'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxbackup',
          data: { value: 'lots', minimum: 10 },
        },
      ],
    },
    {
      name: 'repeated, last below',
      flags: ['--audit-log-maxbackup=10', '--audit-log-maxbackup=1'],
      problems: [{ messageId: 'number-too-low', flag: 'audit-log-maxbackup' }],
    },
  ],
});
