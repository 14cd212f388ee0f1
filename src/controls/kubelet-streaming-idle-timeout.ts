import { parseGoDuration } from './control-plane/flag-rules.js';
import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-streaming-idle-timeout',
  title: 'kubelet streaming connections never time out',
  description:
    'Checks that streamingConnectionIdleTimeout is not zero. With zero, idle exec, attach and port-forward sessions stay open forever and pile up.',
  severity: 'low',
  aliases: { kubescape: ['C-0176'], cis: ['4.2.5'] },
  remediation:
    'Set streamingConnectionIdleTimeout to a duration such as 4h0m0s (the default) or shorter.',
  field: ['streamingConnectionIdleTimeout'],
  expected: 'a non-zero duration such as 4h0m0s',
  accepts: (value) =>
    value === undefined || (typeof value === 'string' && (parseGoDuration(value) ?? 0) > 0),
  fixValue: '4h0m0s',
  exampleValues: { failing: '0s', passing: '4h0m0s' },
});
