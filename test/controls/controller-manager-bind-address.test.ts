import control from '../../src/controls/controller-manager-bind-address.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    { name: '127.0.0.1', flags: ['--bind-address=127.0.0.1'] },
    { name: '::1 after 0.0.0.0', flags: ['--bind-address=0.0.0.0', '--bind-address=::1'] },
  ],
  invalid: [
    {
      name: 'unset: default all interfaces',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'not-loopback',
          flag: 'bind-address',
          data: { value: 'unset (default: 0.0.0.0)' },
        },
      ],
    },
    {
      name: 'all interfaces',
      flags: ['--bind-address=0.0.0.0'],
      problems: [{ messageId: 'not-loopback', flag: 'bind-address', data: { value: '= 0.0.0.0' } }],
    },
    {
      name: 'node address, repeated',
      flags: ['--bind-address=127.0.0.1', '--bind-address=10.0.0.5'],
      problems: [{ messageId: 'not-loopback', flag: 'bind-address' }],
    },
  ],
});
