import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-scheduler-manifest-permissions',
  title: 'Scheduler manifest file permissions',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-scheduler.yaml has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0096'], cis: ['1.1.5'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/manifests/kube-scheduler.yaml (adjust the path to your distribution).',
});
