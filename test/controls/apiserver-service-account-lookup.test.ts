import control from '../../src/controls/apiserver-service-account-lookup.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset: default true', flags: ['--v=2'] },
    { name: 'set to true', flags: ['--service-account-lookup=true'] },
    {
      name: 'repeated, last true',
      flags: ['--service-account-lookup=false', '--service-account-lookup=true'],
    },
  ],
  invalid: [
    {
      name: 'set to false',
      flags: ['--service-account-lookup=false'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'service-account-lookup',
          data: { value: '= false', expected: 'true' },
        },
      ],
    },
    {
      name: 'repeated, last false',
      flags: ['--service-account-lookup=true', '--v=2', '--service-account-lookup=false'],
      problems: [{ messageId: 'flag-value', flag: 'service-account-lookup' }],
    },
  ],
});
