import control from '../../src/controls/kubelet-protect-kernel-defaults.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [{ name: 'true', fields: { protectKernelDefaults: true } }],
  invalid: [
    { name: 'unset: default false', fields: {}, path: [] },
    {
      name: 'false',
      fields: { protectKernelDefaults: false },
      path: ['protectKernelDefaults'],
      value: 'false',
    },
  ],
});
