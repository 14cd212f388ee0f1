import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-audit-log-path',
  component: 'kube-apiserver',
  title: 'API server does not write an audit log',
  description:
    'Checks that kube-apiserver sets --audit-log-path. Without an audit log there is no record of who did what through the API, which leaves incidents uninvestigable.',
  severity: 'high',
  aliases: { kubescape: ['C-0130', 'C-0067'], cis: ['1.2.16'] },
  remediation:
    'Set --audit-log-path (and --audit-policy-file) on kube-apiserver, or send audit events to a webhook backend.',
  rule: flagsSet('audit-log-path'),
});
