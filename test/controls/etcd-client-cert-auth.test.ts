import control from '../../src/controls/etcd-client-cert-auth.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    { name: 'set to true', flags: ['--client-cert-auth=true'] },
    { name: 'repeated, last true', flags: ['--client-cert-auth=false', '--client-cert-auth=true'] },
  ],
  invalid: [
    {
      name: 'unset: default false',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'client-cert-auth',
          data: { value: 'unset (default: false)', expected: 'true' },
        },
      ],
    },
    {
      name: 'set to false',
      flags: ['--client-cert-auth=false'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'client-cert-auth',
          data: { value: '= false', expected: 'true' },
        },
      ],
    },
    {
      name: 'repeated, last false',
      flags: ['--client-cert-auth=true', '--v=2', '--client-cert-auth=false'],
      problems: [{ messageId: 'flag-value', flag: 'client-cert-auth' }],
    },
  ],
});
