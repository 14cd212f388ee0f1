import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-kubelet-service-permissions',
  title: 'kubelet service file permissions',
  description:
    'Checks on the node that the kubelet systemd unit and drop-ins (e.g. /etc/systemd/system/kubelet.service.d/10-kubeadm.conf) has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0162'], cis: ['4.1.1'] },
  remediation:
    'On each node run chmod 600 the kubelet systemd unit and drop-ins (e.g. /etc/systemd/system/kubelet.service.d/10-kubeadm.conf) (adjust the path to your distribution).',
});
