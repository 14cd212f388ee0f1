import control from '../../src/controls/apiserver-kubelet-certificate-authority.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--kubelet-certificate-authority=/etc/kubernetes/pki/kubelet-certificate-authority.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--kubelet-certificate-authority=/etc/kubernetes/pki/kubelet-certificate-authority.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'kubelet-certificate-authority' }],
    },
  ],
});
