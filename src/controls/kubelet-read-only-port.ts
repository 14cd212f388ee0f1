import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-read-only-port',
  title: 'kubelet read-only port open',
  description:
    'Checks that the kubelet configuration keeps readOnlyPort at 0. The read-only port serves pod and node details without any authentication.',
  severity: 'medium',
  aliases: { kubescape: ['C-0175'], cis: ['4.2.4'] },
  remediation: 'Set readOnlyPort: 0 in the kubelet configuration file.',
  field: ['readOnlyPort'],
  expected: '0',
  accepts: (value) => value === undefined || value === 0,
  fixValue: 0,
  exampleValues: { failing: 10255, passing: 0 },
});
