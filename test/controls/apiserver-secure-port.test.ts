import control from '../../src/controls/apiserver-secure-port.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset', flags: ['--v=2'] },
    { name: '6443', flags: ['--secure-port=6443'] },
    { name: 'repeated, last 443', flags: ['--secure-port=0', '--secure-port=443'] },
  ],
  invalid: [
    {
      name: 'zero',
      flags: ['--secure-port=0'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'secure-port',
          data: { value: '= 0', expected: 'anything but 0' },
        },
      ],
    },
    {
      name: 'repeated, last zero',
      flags: ['--secure-port=6443', '--secure-port=0'],
      problems: [{ messageId: 'flag-value', flag: 'secure-port' }],
    },
  ],
});
