import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-authorization-rbac',
  component: 'kube-apiserver',
  title: 'API server does not use RBAC',
  description:
    'Checks that --authorization-mode includes RBAC, so permissions are granted through Roles and bindings that can be reviewed and kept to least privilege.',
  severity: 'high',
  aliases: { kubescape: ['C-0120', 'C-0088'], cis: ['1.2.8'] },
  remediation: 'Set --authorization-mode=Node,RBAC on kube-apiserver.',
  rule: listIncludes('authorization-mode', 'RBAC', {
    defaults: ['AlwaysAllow'],
    deferTo: ['authorization-config'],
  }),
});
