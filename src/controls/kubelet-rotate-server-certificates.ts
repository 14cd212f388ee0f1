import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-rotate-server-certificates',
  title: 'kubelet serving certificate rotation disabled',
  description:
    'Checks that the kubelet configuration does not turn the RotateKubeletServerCertificate feature gate off, so serving certificates can be renewed.',
  severity: 'medium',
  aliases: { kubescape: ['C-0183'], cis: ['4.2.11'] },
  remediation:
    'Remove RotateKubeletServerCertificate: false from featureGates (the gate is on by default).',
  field: ['featureGates', 'RotateKubeletServerCertificate'],
  expected: 'true',
  accepts: (value) => value !== false,
  fixValue: true,
  exampleValues: { failing: false, passing: true },
});
