import control from '../../src/controls/kubelet-read-only-port.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: file default 0', fields: {} },
    { name: '0', fields: { readOnlyPort: 0 } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    { name: '10255', fields: { readOnlyPort: 10255 }, path: ['readOnlyPort'], value: '10255' },
    { name: 'a string', fields: { readOnlyPort: '0' }, path: ['readOnlyPort'], value: '"0"' },
  ],
});
