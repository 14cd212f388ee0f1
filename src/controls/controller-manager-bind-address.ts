import { defineFlagControl } from './control-plane/flag-control.js';
import { loopbackAddress } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-bind-address',
  component: 'kube-controller-manager',
  title: 'Controller manager listens on every interface',
  description:
    'Checks that kube-controller-manager binds its health and metrics port to a loopback address. The default, 0.0.0.0, exposes it to the network.',
  severity: 'medium',
  aliases: { kubescape: ['C-0150'], cis: ['1.3.7'] },
  remediation: 'Set --bind-address=127.0.0.1 on kube-controller-manager.',
  rule: loopbackAddress('bind-address', '0.0.0.0'),
});
