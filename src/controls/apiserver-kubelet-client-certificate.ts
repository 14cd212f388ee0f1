import { defineFlagControl } from './control-plane/flag-control.js';
import { flagsSet } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-kubelet-client-certificate',
  component: 'kube-apiserver',
  title: 'API server has no client certificate for kubelets',
  description:
    'Checks that kube-apiserver sets --kubelet-client-certificate and --kubelet-client-key. Without them the API server calls kubelets unauthenticated, which forces kubelets to accept anonymous requests.',
  severity: 'high',
  aliases: { kubescape: ['C-0116'], cis: ['1.2.4'] },
  remediation:
    'Issue a client certificate for the API server and pass it with --kubelet-client-certificate and --kubelet-client-key.',
  rule: flagsSet('kubelet-client-certificate', 'kubelet-client-key'),
});
