import { EXAMPLE_CIPHER_SUITES, weakCipherSuites } from './control-plane/ciphers.js';
import { defineKubeletControl } from './control-plane/kubelet-control.js';

export default defineKubeletControl({
  id: 'kubelet-strong-ciphers',
  title: 'kubelet allows weak TLS cipher suites',
  description:
    'Checks that tlsCipherSuites lists only strong suites (AEAD with forward secrecy). Unset, the Go defaults still accept CBC-mode suites.',
  severity: 'medium',
  aliases: { kubescape: ['C-0184'], cis: ['4.2.12'] },
  remediation:
    'Set tlsCipherSuites to strong suites such as TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.',
  field: ['tlsCipherSuites'],
  expected: 'strong cipher suites only',
  accepts: (value) =>
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((suite) => typeof suite === 'string') &&
    weakCipherSuites(value).length === 0,
  exampleValues: { failing: EXAMPLE_CIPHER_SUITES.weak, passing: EXAMPLE_CIPHER_SUITES.strong },
});
