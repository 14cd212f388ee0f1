import control from '../../src/controls/etcd-peer-auto-tls.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    { name: 'unset: default false', flags: ['--v=2'] },
    { name: 'set to false', flags: ['--peer-auto-tls=false'] },
    { name: 'repeated, last false', flags: ['--peer-auto-tls=true', '--peer-auto-tls=false'] },
  ],
  invalid: [
    {
      name: 'set to true',
      flags: ['--peer-auto-tls=true'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'peer-auto-tls',
          data: { value: '= true', expected: 'false' },
        },
      ],
    },
    {
      name: 'repeated, last true',
      flags: ['--peer-auto-tls=false', '--v=2', '--peer-auto-tls=true'],
      problems: [{ messageId: 'flag-value', flag: 'peer-auto-tls' }],
    },
  ],
});
