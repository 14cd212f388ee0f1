import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-authorization-mode',
  title: 'kubelet authorizes every request',
  description:
    'Checks that the kubelet configuration does not set authorization.mode to AlwaysAllow, which lets every authenticated caller use the whole kubelet API.',
  severity: 'medium',
  aliases: { kubescape: ['C-0173'], cis: ['4.2.2'] },
  remediation: 'Set authorization.mode: Webhook in the kubelet configuration file.',
  field: ['authorization', 'mode'],
  expected: 'Webhook',
  accepts: (value) => value === undefined || value === 'Webhook',
  fixValue: 'Webhook',
  exampleValues: { failing: 'AlwaysAllow', passing: 'Webhook' },
});
