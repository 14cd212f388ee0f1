import control from '../../src/controls/kubelet-strong-ciphers.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    {
      name: 'strong suites',
      fields: {
        tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256'],
      },
    },
  ],
  invalid: [
    { name: 'unset', fields: {}, path: [] },
    {
      name: 'a CBC suite',
      fields: {
        tlsCipherSuites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
      },
      path: ['tlsCipherSuites'],
    },
    { name: 'empty list', fields: { tlsCipherSuites: [] }, path: ['tlsCipherSuites'], value: '[]' },
    {
      name: 'a string',
      fields: { tlsCipherSuites: 'TLS_AES_128_GCM_SHA256' },
      path: ['tlsCipherSuites'],
    },
  ],
});
