import control from '../../src/controls/kubelet-rotate-server-certificates.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'no feature gates', fields: {} },
    { name: 'gate on', fields: { featureGates: { RotateKubeletServerCertificate: true } } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: 'gate off',
      fields: { featureGates: { RotateKubeletServerCertificate: false, Other: true } },
      path: ['featureGates', 'RotateKubeletServerCertificate'],
      value: 'false',
    },
  ],
});
