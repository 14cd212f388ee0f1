import control from '../../src/controls/apiserver-anonymous-auth.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'set to false', flags: ['--anonymous-auth=false'] },
    { name: 'repeated, last false', flags: ['--anonymous-auth=true', '--anonymous-auth=false'] },
  ],
  invalid: [
    {
      name: 'unset: default true',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'anonymous-auth',
          data: { value: 'unset (default: true)', expected: 'false' },
        },
      ],
    },
    {
      name: 'set to true',
      flags: ['--anonymous-auth=true'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'anonymous-auth',
          data: { value: '= true', expected: 'false' },
        },
      ],
    },
    {
      name: 'repeated, last true',
      flags: ['--anonymous-auth=false', '--v=2', '--anonymous-auth=true'],
      problems: [{ messageId: 'flag-value', flag: 'anonymous-auth' }],
    },
  ],
});
