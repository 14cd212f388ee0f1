import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-config-ownership',
  title: 'kubelet configuration file ownership',
  description:
    'Checks on the node that /var/lib/kubelet/config.yaml is owned by root:root, so only administrators can change it.',
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0171'], cis: ['4.1.10'] },
  remediation:
    'On each node run chown root:root /var/lib/kubelet/config.yaml (adjust the path to your distribution).',
});
