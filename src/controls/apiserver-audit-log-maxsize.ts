import { defineFlagControl } from './control-plane/flag-control.js';
import { numberAtLeast } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-audit-log-maxsize',
  component: 'kube-apiserver',
  title: 'Audit log files rotated too early',
  description:
    'Checks that --audit-log-maxsize lets an audit log file grow to at least 100 MB before rotation, so retention is not eaten up by small files.',
  severity: 'medium',
  aliases: { kubescape: ['C-0133'], cis: ['1.2.19'] },
  remediation: 'Set --audit-log-maxsize=100 or more on kube-apiserver.',
  rule: numberAtLeast('audit-log-maxsize', 100),
});
