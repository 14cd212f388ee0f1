import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-event-qps',
  title: 'kubelet drops events',
  description:
    'Checks that eventRecordQPS is 0 (no limit) or at least 5 events per second. Lower limits make the kubelet drop events that investigations rely on.',
  severity: 'low',
  aliases: { kubescape: ['C-0180'], cis: ['4.2.8'] },
  remediation: 'Leave eventRecordQPS at its default (50) or set 0 for no limit.',
  field: ['eventRecordQPS'],
  expected: '0 or at least 5',
  accepts: (value) =>
    value === undefined || (typeof value === 'number' && (value === 0 || value >= 5)),
  exampleValues: { failing: 1, passing: 50 },
});
