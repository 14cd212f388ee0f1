import { defineFlagControl } from './control-plane/flag-control.js';
import { strongCipherSuites } from './control-plane/flag-rules.js';

export default defineFlagControl({
  id: 'apiserver-strong-ciphers',
  component: 'kube-apiserver',
  title: 'API server allows weak TLS cipher suites',
  description:
    'Checks that kube-apiserver sets --tls-cipher-suites to strong suites only (AEAD with forward secrecy). The Go defaults still accept CBC-mode suites.',
  severity: 'medium',
  aliases: { kubescape: ['C-0277', 'C-0143'], cis: ['1.2.29'] },
  remediation:
    'Set --tls-cipher-suites to a list such as TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384.',
  rule: strongCipherSuites('tls-cipher-suites'),
});
