import control from '../../src/controls/apiserver-token-auth-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [{ name: 'unset', flags: ['--v=2'] }],
  invalid: [
    {
      name: 'set',
      flags: ['--token-auth-file=/etc/kubernetes/tokens.csv'],
      problems: [{ messageId: 'flag-set', flag: 'token-auth-file' }],
    },
    {
      name: 'set twice',
      flags: ['--token-auth-file=/a.csv', '--v=2', '--token-auth-file=/b.csv'],
      problems: [{ messageId: 'flag-set', flag: 'token-auth-file' }],
    },
  ],
});
