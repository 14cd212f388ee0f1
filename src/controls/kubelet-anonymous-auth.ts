import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-anonymous-auth',
  title: 'kubelet accepts anonymous requests',
  description:
    'Checks that the kubelet configuration keeps authentication.anonymous.enabled false. Anonymous access to the kubelet API (port 10250) lets anyone on the network list pods and, with permissive authorization, run commands in them.',
  severity: 'critical',
  aliases: { kubescape: ['C-0069', 'C-0172'], cis: ['4.2.1'] },
  remediation: 'Set authentication.anonymous.enabled: false in the kubelet configuration file.',
  field: ['authentication', 'anonymous', 'enabled'],
  expected: 'false',
  accepts: (value) => value === undefined || value === false,
  fixValue: false,
  exampleValues: { failing: true, passing: false },
});
