import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-root-ca-file',
  component: 'kube-controller-manager',
  title: 'Pods do not receive the cluster CA',
  description:
    'Checks that kube-controller-manager sets --root-ca-file, which puts the cluster CA into every service account token volume so pods can verify the API server and are not open to man-in-the-middle attacks.',
  severity: 'high',
  aliases: { kubescape: ['C-0148'], cis: ['1.3.5'] },
  remediation: 'Set --root-ca-file to the cluster CA bundle.',
  rule: flagsSet('root-ca-file'),
});
