import control from '../../src/controls/etcd-peer-client-cert-auth.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    { name: 'set to true', flags: ['--peer-client-cert-auth=true'] },
    {
      name: 'repeated, last true',
      flags: ['--peer-client-cert-auth=false', '--peer-client-cert-auth=true'],
    },
  ],
  invalid: [
    {
      name: 'unset: default false',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'peer-client-cert-auth',
          data: { value: 'unset (default: false)', expected: 'true' },
        },
      ],
    },
    {
      name: 'set to false',
      flags: ['--peer-client-cert-auth=false'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'peer-client-cert-auth',
          data: { value: '= false', expected: 'true' },
        },
      ],
    },
    {
      name: 'repeated, last false',
      flags: ['--peer-client-cert-auth=true', '--v=2', '--peer-client-cert-auth=false'],
      problems: [{ messageId: 'flag-value', flag: 'peer-client-cert-auth' }],
    },
  ],
});
