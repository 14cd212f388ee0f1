import control from '../../src/controls/controller-manager-service-account-credentials.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    { name: 'set to true', flags: ['--use-service-account-credentials=true'] },
    {
      name: 'repeated, last true',
      flags: ['--use-service-account-credentials=false', '--use-service-account-credentials=true'],
    },
  ],
  invalid: [
    {
      name: 'unset: default false',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'use-service-account-credentials',
          data: { value: 'unset (default: false)', expected: 'true' },
        },
      ],
    },
    {
      name: 'set to false',
      flags: ['--use-service-account-credentials=false'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'use-service-account-credentials',
          data: { value: '= false', expected: 'true' },
        },
      ],
    },
    {
      name: 'repeated, last false',
      flags: [
        '--use-service-account-credentials=true',
        '--v=2',
        '--use-service-account-credentials=false',
      ],
      problems: [{ messageId: 'flag-value', flag: 'use-service-account-credentials' }],
    },
  ],
});
