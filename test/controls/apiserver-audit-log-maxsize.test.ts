import control from '../../src/controls/apiserver-audit-log-maxsize.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'at the minimum', flags: ['--audit-log-maxsize=100'] },
    { name: 'above, repeated', flags: ['--audit-log-maxsize=1', '--audit-log-maxsize=300'] },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'audit-log-maxsize' }],
    },
    {
      name: 'below',
      flags: ['--audit-log-maxsize=99'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxsize',
          data: { value: '99', minimum: 100 },
        },
      ],
    },
    {
      name: 'not a number',
      flags: ['--audit-log-maxsize=lots'],
      problems: [
        {
          messageId: 'number-too-low',
          flag: 'audit-log-maxsize',
          data: { value: 'lots', minimum: 100 },
        },
      ],
    },
    {
      name: 'repeated, last below',
      flags: ['--audit-log-maxsize=100', '--audit-log-maxsize=1'],
      problems: [{ messageId: 'number-too-low', flag: 'audit-log-maxsize' }],
    },
  ],
});
