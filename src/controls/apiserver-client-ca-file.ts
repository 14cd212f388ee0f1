import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-client-ca-file',
  component: 'kube-apiserver',
  title: 'API server does not verify client certificates',
  description:
    'Checks that kube-apiserver sets --client-ca-file, so clients and kubelets can authenticate with certificates the cluster CA signed.',
  severity: 'high',
  aliases: { kubescape: ['C-0139'], cis: ['1.2.25'] },
  remediation: 'Set --client-ca-file to the cluster CA bundle.',
  rule: flagsSet('client-ca-file'),
});
