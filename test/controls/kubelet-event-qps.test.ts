import control from '../../src/controls/kubelet-event-qps.js';
import { runKubeletTests } from './kubelet-cases.js';

runKubeletTests(control, {
  valid: [
    { name: 'unset: default 50', fields: {} },
    { name: '0: unlimited', fields: { eventRecordQPS: 0 } },
    { name: '5', fields: { eventRecordQPS: 5 } },
    { name: 'hostile: spec-like junk keys', fields: { spec: null, metadata: 'x' } },
  ],
  invalid: [
    { name: '1', fields: { eventRecordQPS: 1 }, path: ['eventRecordQPS'], value: '1' },
    { name: 'negative', fields: { eventRecordQPS: -1 }, path: ['eventRecordQPS'], value: '-1' },
    { name: 'a string', fields: { eventRecordQPS: '50' }, path: ['eventRecordQPS'], value: '"50"' },
  ],
});
