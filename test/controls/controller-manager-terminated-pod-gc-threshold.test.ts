import control from '../../src/controls/controller-manager-terminated-pod-gc-threshold.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    {
      name: 'all set',
      flags: ['--terminated-pod-gc-threshold=/etc/kubernetes/pki/terminated-pod-gc-threshold.pem'],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--terminated-pod-gc-threshold=/etc/kubernetes/pki/terminated-pod-gc-threshold.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'terminated-pod-gc-threshold' }],
    },
  ],
});
