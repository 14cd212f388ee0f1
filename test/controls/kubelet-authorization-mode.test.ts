import control from '../../src/controls/kubelet-authorization-mode.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: file default Webhook', fields: {} },
    { name: 'Webhook', fields: { authorization: { mode: 'Webhook' } } },
    { name: 'authorization a string', fields: { authorization: 1 } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: 'AlwaysAllow',
      fields: { authorization: { mode: 'AlwaysAllow' } },
      path: ['authorization', 'mode'],
      value: '"AlwaysAllow"',
    },
  ],
});
