import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-scheduler-kubeconfig-permissions',
  title: 'Scheduler kubeconfig file permissions',
  description:
    'Checks on the node that /etc/kubernetes/scheduler.conf has mode 600 or stricter. Looser permissions let other local users read or change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0106'], cis: ['1.1.15'] },
  remediation:
    'On each node run chmod 600 /etc/kubernetes/scheduler.conf (adjust the path to your distribution).',
});
