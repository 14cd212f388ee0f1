import control from '../../src/controls/etcd-auto-tls.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'etcd', {
  valid: [
    { name: 'unset: default false', flags: ['--v=2'] },
    { name: 'set to false', flags: ['--auto-tls=false'] },
    { name: 'repeated, last false', flags: ['--auto-tls=true', '--auto-tls=false'] },
  ],
  invalid: [
    {
      name: 'set to true',
      flags: ['--auto-tls=true'],
      problems: [
        { messageId: 'flag-value', flag: 'auto-tls', data: { value: '= true', expected: 'false' } },
      ],
    },
    {
      name: 'repeated, last true',
      flags: ['--auto-tls=false', '--v=2', '--auto-tls=true'],
      problems: [{ messageId: 'flag-value', flag: 'auto-tls' }],
    },
  ],
});
