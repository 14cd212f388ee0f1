import control from '../../src/controls/kubelet-tls-certificate.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    {
      name: 'certificate and key',
      fields: {
        tlsCertFile: '/var/lib/kubelet/pki/kubelet.crt',
        tlsPrivateKeyFile: '/var/lib/kubelet/pki/kubelet.key',
      },
    },
    { name: 'serving certificate bootstrap', fields: { serverTLSBootstrap: true } },
  ],
  invalid: [
    { name: 'neither', fields: {}, path: [] },
    {
      name: 'certificate without key',
      fields: { tlsCertFile: '/a.crt' },
      path: ['tlsCertFile'],
      value: '"/a.crt"',
    },
    { name: 'bootstrap as a string', fields: { serverTLSBootstrap: 'true' }, path: [] },
  ],
});
