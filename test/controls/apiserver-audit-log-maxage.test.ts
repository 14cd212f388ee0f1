import control from '../../src/controls/apiserver-audit-log-maxage.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'at the minimum', flags: ['--audit-log-maxage=30'] },
    { name: 'above, repeated', flags: ['--audit-log-maxage=1', '--audit-log-maxage=90'] },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'audit-log-maxage' }],
    },
    {
      name: 'below',
      flags: ['--audit-log-maxage=29'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxage',
          data: { value: '29', minimum: 30 },
        },
      ],
    },
    {
      name: 'not a number',
      flags: ['--audit-log-maxage=lots'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxage',
          data: { value: 'lots', minimum: 30 },
        },
      ],
    },
    {
      name: 'repeated, last below',
      flags: ['--audit-log-maxage=30', '--audit-log-maxage=1'],
      problems: [{ messageId: 'number-too-low', flag: 'audit-log-maxage' }],
    },
  ],
});
