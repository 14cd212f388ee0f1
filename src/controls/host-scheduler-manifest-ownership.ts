import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-scheduler-manifest-ownership',
  title: 'Scheduler manifest file ownership',
  description:
    'Checks on the node that /etc/kubernetes/manifests/kube-scheduler.yaml is owned by root:root, so only administrators can change it.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0097'], cis: ['1.1.6'] },
  remediation:
    'On each node run chown root:root /etc/kubernetes/manifests/kube-scheduler.yaml (adjust the path to your distribution).',
});
