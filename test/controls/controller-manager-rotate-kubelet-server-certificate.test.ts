import control from '../../src/controls/controller-manager-rotate-kubelet-server-certificate.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-controller-manager', {
  valid: [
    { name: 'no feature gates', flags: ['--v=2'] },
    { name: 'gate on', flags: ['--feature-gates=RotateKubeletServerCertificate=true'] },
    {
      name: 'other gates off',
      flags: ['--feature-gates=SomeGate=false,RotateKubeletServerCertificate=true'],
    },
  ],
  invalid: [
    {
      name: 'gate off',
      flags: ['--feature-gates=RotateKubeletServerCertificate=false'],
      problems: [
        {
          messageId: 'gate-disabled',
          flag: 'feature-gates',
          data: { gate: 'RotateKubeletServerCertificate' },
        },
      ],
    },
    {
      name: 'repeated, last turns it off',
      flags: [
        '--feature-gates=RotateKubeletServerCertificate=true',
        '--feature-gates=A=true,RotateKubeletServerCertificate=false',
      ],
      problems: [{ messageId: 'gate-disabled', flag: 'feature-gates' }],
    },
  ],
});
