import { defineFlagControl } from './control-plane/flag-control.js';
import { featureGateNotDisabled } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'controller-manager-rotate-kubelet-server-certificate',
  component: 'kube-controller-manager',
  title: 'Kubelet serving certificate rotation disabled',
  description:
    'Checks that kube-controller-manager does not turn the RotateKubeletServerCertificate feature gate off, so kubelet serving certificates can be renewed before they expire.',
  severity: 'medium',
  aliases: { kubescape: ['C-0149'], cis: ['1.3.6'] },
  remediation:
    'Remove RotateKubeletServerCertificate=false from --feature-gates (the gate is on by default).',
  rule: featureGateNotDisabled('RotateKubeletServerCertificate'),
});
