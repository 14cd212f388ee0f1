import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-kubelet-certificate-authority',
  component: 'kube-apiserver',
  title: 'API server does not verify kubelet certificates',
  description:
    'Checks that kube-apiserver sets --kubelet-certificate-authority. Without it the API server does not verify the serving certificates of kubelets, so exec, logs and port-forward traffic can be intercepted.',
  severity: 'high',
  aliases: { kubescape: ['C-0117'], cis: ['1.2.5'] },
  remediation:
    'Point --kubelet-certificate-authority at the CA that signs kubelet serving certificates (and enable kubelet serving-certificate rotation).',
  rule: flagsSet('kubelet-certificate-authority'),
});
