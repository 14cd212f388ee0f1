import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-protect-kernel-defaults',
  title: 'kubelet may change kernel settings',
  description:
    'Checks that protectKernelDefaults is true, so the kubelet refuses to start when kernel tunables differ from what it needs instead of changing them itself.',
  severity: 'low',
  aliases: { kubescape: ['C-0177'] },
  remediation:
    'Set the kernel parameters the kubelet expects on the node and protectKernelDefaults: true.',
  field: ['protectKernelDefaults'],
  expected: 'true',
  accepts: (value) => value === true,
  fixValue: true,
  exampleValues: { failing: false, passing: true },
});
