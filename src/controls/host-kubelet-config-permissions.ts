import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-config-permissions',
  title: 'kubelet configuration file permissions',
  description:
    'Checks on the node that /var/lib/kubelet/config.yaml has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0170', 'C-0235'], cis: ['4.1.9'] },
  remediation:
    'On each node run chmod 600 /var/lib/kubelet/config.yaml (adjust the path to your distribution).',
});
