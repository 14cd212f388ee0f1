import control from '../../src/controls/apiserver-kubelet-client-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'all set',
      flags: [
        '--kubelet-client-certificate=/etc/kubernetes/pki/kubelet-client-certificate.pem',
        '--kubelet-client-key=/etc/kubernetes/pki/kubelet-client-key.pem',
      ],
    },
    {
      name: 'set among other flags',
      flags: [
        '--v=2',
        '--kubelet-client-certificate=/etc/kubernetes/pki/kubelet-client-certificate.pem',
        '--kubelet-client-key=/etc/kubernetes/pki/kubelet-client-key.pem',
        '--profiling=false',
      ],
    },
  ],
  invalid: [
    {
      name: 'none set',
      flags: ['--v=2'],
      problems: [
        { messageId: 'flag-missing', flag: 'kubelet-client-certificate' },
        { messageId: 'flag-missing', flag: 'kubelet-client-key' },
      ],
    },
    {
      name: 'only the first set',
      flags: ['--kubelet-client-certificate=/etc/kubernetes/pki/kubelet-client-certificate.pem'],
      problems: [{ messageId: 'flag-missing', flag: 'kubelet-client-key' }],
    },
  ],
});
