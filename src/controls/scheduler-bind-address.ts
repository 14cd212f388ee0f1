import { defineFlagControl } from './control-plane/flag-control.js';
import { loopbackAddress } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'scheduler-bind-address',
  component: 'kube-scheduler',
  title: 'Scheduler listens on every interface',
  description:
    'Checks that kube-scheduler binds its health and metrics port to a loopback address. The default, 0.0.0.0, exposes it to the network.',
  severity: 'medium',
  aliases: { kubescape: ['C-0152'], cis: ['1.4.2'] },
  remediation: 'Set --bind-address=127.0.0.1 on kube-scheduler.',
  rule: loopbackAddress('bind-address', '0.0.0.0'),
});
