import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-scheduler-kubeconfig-ownership',
  title: 'Scheduler kubeconfig file ownership',
  description:
    'Checks on the node that /etc/kubernetes/scheduler.conf is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0107'], cis: ['1.1.16'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/scheduler.conf (adjust the path to your distribution).',
});
