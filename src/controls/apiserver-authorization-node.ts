import { defineFlagControl } from './control-plane/flag-control.js';
import { listIncludes } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-authorization-node',
  component: 'kube-apiserver',
  title: 'API server does not use the Node authorizer',
  description:
    'Checks that --authorization-mode includes Node. The Node authorizer limits each kubelet to the objects of the pods bound to its node; without it a stolen kubelet credential reads secrets cluster-wide.',
  severity: 'medium',
  aliases: { kubescape: ['C-0119'], cis: ['1.2.7'] },
  remediation:
    'Set --authorization-mode=Node,RBAC on kube-apiserver and enable the NodeRestriction admission plugin.',
  rule: listIncludes('authorization-mode', 'Node', {
    defaults: ['AlwaysAllow'],
    deferTo: ['authorization-config'],
  }),
});
