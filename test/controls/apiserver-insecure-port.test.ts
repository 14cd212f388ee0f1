import control from '../../src/controls/apiserver-insecure-port.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset: default 0', flags: ['--v=2'] },
    { name: 'set to 0', flags: ['--insecure-port=0'] },
    { name: 'repeated, last 0', flags: ['--insecure-port=8080', '--insecure-port=0'] },
  ],
  invalid: [
    {
      name: 'set to 8080',
      flags: ['--insecure-port=8080'],
      problems: [
        {
          messageId: 'flag-value',
          flag: 'insecure-port',
          data: { value: '= 8080', expected: '0' },
        },
      ],
    },
    {
      name: 'repeated, last 8080',
      flags: ['--insecure-port=0', '--v=2', '--insecure-port=8080'],
      problems: [{ messageId: 'flag-value', flag: 'insecure-port' }],
    },
  ],
});
