import control from '../../src/controls/apiserver-strong-ciphers.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    {
      name: 'strong suites',
      flags: ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_AES_128_GCM_SHA256'],
    },
    {
      name: 'repeated, last strong',
      flags: [
        '--tls-cipher-suites=TLS_RSA_WITH_RC4_128_SHA',
        '--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
      ],
    },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [{ messageId: 'flag-missing', flag: 'tls-cipher-suites' }],
    },
    {
      name: 'a CBC suite among strong ones',
      flags: [
        '--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,TLS_RSA_WITH_3DES_EDE_CBC_SHA',
      ],
      problems: [
        {
          messageId: 'weak-ciphers',
          flag: 'tls-cipher-suites',
          data: { value: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA, TLS_RSA_WITH_3DES_EDE_CBC_SHA' },
        },
      ],
    },
  ],
});
