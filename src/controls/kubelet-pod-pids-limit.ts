import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-pod-pids-limit',
  title: 'kubelet does not limit pod PIDs',
  description:
    'Checks that podPidsLimit is a positive number. Without a limit one pod can fork until the node runs out of process IDs and stops every other pod.',
  severity: 'low',
  aliases: { kubescape: ['C-0284'], cis: ['4.2.13'] },
  remediation: 'Set podPidsLimit to a value that fits your workloads, for example 4096.',
  field: ['podPidsLimit'],
  expected: 'a positive limit such as 4096',
  accepts: (value) => typeof value === 'number' && value > 0,
  exampleValues: { failing: -1, passing: 4096 },
});
