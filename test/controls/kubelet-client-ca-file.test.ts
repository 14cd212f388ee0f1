import control from '../../src/controls/kubelet-client-ca-file.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    {
      name: 'set',
      fields: { authentication: { x509: { clientCAFile: '/etc/kubernetes/pki/ca.crt' } } },
    },
  ],
  invalid: [
    {
      name: 'unset, authentication present',
      fields: { authentication: { anonymous: { enabled: false } } },
      path: ['authentication'],
    },
    { name: 'unset, nothing present', fields: {}, path: [] },
    {
      name: 'empty',
      fields: { authentication: { x509: { clientCAFile: ' ' } } },
      path: ['authentication', 'x509', 'clientCAFile'],
      value: '" "',
    },
  ],
});
