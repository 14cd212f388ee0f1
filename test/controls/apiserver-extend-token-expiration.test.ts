import control from '../../src/controls/apiserver-extend-token-expiration.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'set to false', flags: ['--service-account-extend-token-expiration=false'] },
    {
      name: 'repeated, last false',
      flags: [
        '--service-account-extend-token-expiration=true',
        '--service-account-extend-token-expiration=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'unset: default true',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'service-account-extend-token-expiration',
          data: { value: 'unset (default: true)', expected: 'false' },
        },
      ],
    },
    {
      name: 'set to true',
      flags: ['--service-account-extend-token-expiration=true'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'service-account-extend-token-expiration',
          data: { value: '= true', expected: 'false' },
        },
      ],
    },
    {
      name: 'repeated, last true',
      flags: [
        '--service-account-extend-token-expiration=false',
        '--v=2',
        '--service-account-extend-token-expiration=true',
      ],
      problems: [{ messageId: 'flag-value', flag: 'service-account-extend-token-expiration' }],
    },
  ],
});
