import control from '../../src/controls/kubelet-streaming-idle-timeout.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: default 4h', fields: {} },
    { name: '5m', fields: { streamingConnectionIdleTimeout: '5m' } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    {
      name: '0s',
      fields: { streamingConnectionIdleTimeout: '0s' },
      path: ['streamingConnectionIdleTimeout'],
      value: '"0s"',
    },
    {
      name: 'number zero',
      fields: { streamingConnectionIdleTimeout: 0 },
      path: ['streamingConnectionIdleTimeout'],
      value: '0',
    },
  ],
});
