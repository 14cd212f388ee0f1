import control from '../../src/controls/kubelet-anonymous-auth.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: file default false', fields: {} },
    { name: 'false', fields: { authentication: { anonymous: { enabled: false } } } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: 'true',
      fields: { authentication: { anonymous: { enabled: true } } },
      path: ['authentication', 'anonymous', 'enabled'],
      value: 'true',
    },
    {
      name: 'the string false is not a boolean',
      fields: { authentication: { anonymous: { enabled: 'false' } } },
      path: ['authentication', 'anonymous', 'enabled'],
      value: '"false"',
    },
  ],
});
