import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-node-restriction',
  component: 'kube-apiserver',
  title: 'NodeRestriction admission plugin not enabled',
  description:
    'Checks that the NodeRestriction admission plugin is enabled. It stops a kubelet from changing other nodes, pods bound elsewhere, or protected node labels, which keeps one compromised node from steering workloads.',
  severity: 'medium',
  aliases: { kubescape: ['C-0127'], cis: ['1.2.14'] },
  remediation:
    'Add NodeRestriction to --enable-admission-plugins and keep Node in --authorization-mode.',
  rule: listIncludes('enable-admission-plugins', 'NodeRestriction'),
});
