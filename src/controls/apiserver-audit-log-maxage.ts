import { defineFlagControl } from './control-plane/flag-control.js';
import { numberAtLeast } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-audit-log-maxage',
  component: 'kube-apiserver',
  title: 'Audit logs kept too briefly',
  description:
    'Checks that --audit-log-maxage keeps rotated audit log files for at least 30 days, so an investigation can look back far enough.',
  severity: 'medium',
  aliases: { kubescape: ['C-0131'], cis: ['1.2.17'] },
  remediation:
    'Set --audit-log-maxage=30 (or your retention policy) on kube-apiserver, or ship audit logs to central storage.',
  rule: numberAtLeast('audit-log-maxage', 30),
});
