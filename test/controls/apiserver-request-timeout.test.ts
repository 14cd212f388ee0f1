import control from '../../src/controls/apiserver-request-timeout.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'unset', flags: ['--v=2'] },
    { name: 'five minutes', flags: ['--request-timeout=300s'] },
    { name: 'compound duration', flags: ['--request-timeout=1m30s'] },
  ],
  invalid: [
    {
      name: 'zero',
      flags: ['--request-timeout=0'],
      problems: [{ messageId: 'bad-duration', flag: 'request-timeout', data: { value: '0' } }],
    },
    {
      name: 'not a duration',
      flags: ['--request-timeout=soon'],
      problems: [{ messageId: 'bad-duration', flag: 'request-timeout', data: { value: 'soon' } }],
    },
    {
      name: 'repeated, last zero',
      flags: ['--request-timeout=60s', '--request-timeout=0s'],
      problems: [{ messageId: 'bad-duration', flag: 'request-timeout' }],
    },
  ],
});
