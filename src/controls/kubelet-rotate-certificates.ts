import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-rotate-certificates',
  title: 'kubelet client certificate rotation disabled',
  description:
    'Checks that rotateCertificates is not set to false, so the kubelet renews its client certificate before it expires.',
  severity: 'medium',
  aliases: { kubescape: ['C-0182'], cis: ['4.2.10'] },
  remediation: 'Set rotateCertificates: true in the kubelet configuration.',
  field: ['rotateCertificates'],
  expected: 'true',
  accepts: (value) => value !== false,
  fixValue: true,
  exampleValues: { failing: false, passing: true },
});
