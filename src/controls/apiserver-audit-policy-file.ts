import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-audit-policy-file',
  component: 'kube-apiserver',
  title: 'API server has no audit policy',
  description:
    'Checks that kube-apiserver sets --audit-policy-file. Without a policy no audit events are recorded, even when a log path is set.',
  severity: 'medium',
  aliases: { kubescape: ['C-0160'], cis: ['3.2.1'] },
  remediation:
    'Write a minimal audit Policy (metadata for secrets and configmaps, request bodies where needed) and pass it with --audit-policy-file.',
  rule: flagsSet('audit-policy-file'),
});
