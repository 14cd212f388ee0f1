import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-service-ownership',
  title: 'kubelet service file ownership',
  description:
    'Checks on the node that the kubelet systemd unit and drop-ins is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0163'], cis: ['4.1.2'] },
  remediation:
    'On each node run chown root:root the kubelet systemd unit and drop-ins (adjust the path to your distribution).',
});
