import { defineFlagControl } from './control-plane/flag-control.js';
import { listExcludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-always-admit',
  component: 'kube-apiserver',
  title: 'AlwaysAdmit admission plugin enabled',
  description:
    'Checks that the AlwaysAdmit admission plugin is not enabled. It admits every request and defeats the purpose of admission control; it is deprecated.',
  severity: 'high',
  aliases: { kubescape: ['C-0122'], cis: ['1.2.10'] },
  remediation: 'Remove AlwaysAdmit from --enable-admission-plugins.',
  rule: listExcludes('enable-admission-plugins', 'AlwaysAdmit'),
});
