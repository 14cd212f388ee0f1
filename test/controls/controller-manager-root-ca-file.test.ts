import control from '../../src/controls/controller-manager-root-ca-file.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    { name: 'all set', flags: ['--root-ca-file=/etc/kubernetes/pki/root-ca-file.pem'] },
    {
      name: 'set among other flags',
      flags: ['--v=2', '--root-ca-file=/etc/kubernetes/pki/root-ca-file.pem', '--profiling=false'],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'root-ca-file' }],
    },
  ],
});
