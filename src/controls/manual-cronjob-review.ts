import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-cronjob-review',
  title: 'CronJobs not reviewed',
  description:
    'Review item: attackers use CronJobs for persistence, since a scheduled job keeps running code after the original foothold is gone. List the CronJobs of the cluster and confirm that each one is expected.',
  severity: 'low',
  requires: 'manual',
  aliases: { kubescape: ['C-0026'] },
  remediation:
    'Review every CronJob (kubectl get cronjobs -A) and remove those nobody owns; restrict who may create CronJobs with RBAC.',
});
