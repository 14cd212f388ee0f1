import control from '../../src/controls/kubelet-rotate-certificates.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset', fields: {} },
    { name: 'true', fields: { rotateCertificates: true } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: 'false',
      fields: { rotateCertificates: false },
      path: ['rotateCertificates'],
      value: 'false',
    },
  ],
});
