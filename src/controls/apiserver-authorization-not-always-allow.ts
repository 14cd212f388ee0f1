import { defineFlagControl } from './control-plane/flag-control.js';
import { listExcludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-authorization-not-always-allow',
  component: 'kube-apiserver',
  title: 'API server authorizes every request',
  description:
    'Checks that kube-apiserver does not use the AlwaysAllow authorization mode, which is also the default when --authorization-mode is not set. With it every authenticated request is allowed.',
  severity: 'high',
  aliases: { kubescape: ['C-0118'], cis: ['1.2.6'] },
  remediation:
    'Set --authorization-mode=Node,RBAC (or use --authorization-config) on kube-apiserver.',
  rule: listExcludes('authorization-mode', 'AlwaysAllow', {
    defaults: ['AlwaysAllow'],
    deferTo: ['authorization-config'],
  }),
});
