import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-terminated-pod-gc-threshold',
  component: 'kube-controller-manager',
  title: 'Terminated pods collected only at a very high count',
  description:
    'Checks that kube-controller-manager sets --terminated-pod-gc-threshold. The default keeps 12500 finished pods, which can slow the API server and etcd.',
  severity: 'medium',
  aliases: { kubescape: ['C-0144'], cis: ['1.3.1'] },
  remediation:
    'Set --terminated-pod-gc-threshold to a number that suits the cluster, for example 10 to 1000.',
  rule: flagsSet('terminated-pod-gc-threshold'),
});
