import { defineFlagControl } from './control-plane/flag-control.js';
import { numberAtLeast } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-audit-log-maxbackup',
  component: 'kube-apiserver',
  title: 'Too few audit log backups kept',
  description:
    'Checks that --audit-log-maxbackup keeps at least 10 rotated audit log files, so bursts of activity do not push older evidence out.',
  severity: 'medium',
  aliases: { kubescape: ['C-0132'], cis: ['1.2.18'] },
  remediation: 'Set --audit-log-maxbackup=10 or more on kube-apiserver.',
  rule: numberAtLeast('audit-log-maxbackup', 10),
});
