import control from '../../src/controls/kubelet-pod-pids-limit.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [{ name: '4096', fields: { podPidsLimit: 4096 } }],
  invalid: [
    { name: 'unset: default unlimited', fields: {}, path: [] },
    { name: '-1', fields: { podPidsLimit: -1 }, path: ['podPidsLimit'], value: '-1' },
  ],
});
