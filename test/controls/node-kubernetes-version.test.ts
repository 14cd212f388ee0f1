import control from '../../src/controls/node-kubernetes-version.js';
import { controlTester } from './control-tester.js';
import { nodeWith } from './node-cases.js';

const PATH = ['status', 'nodeInfo', 'kubeletVersion'];

controlTester.run(control, {
  valid: [
    { name: 'v1.35.0', object: nodeWith({ kubeletVersion: 'v1.35.0' }) },
    { name: 'v1.37.2-gke.100', object: nodeWith({ kubeletVersion: 'v1.37.2-gke.100' }) },
  ],
  invalid: [
    {
      name: 'v1.34.9',
      object: nodeWith({ kubeletVersion: 'v1.34.9' }),
      violations: [{ messageId: 'unsupported-version', path: PATH, evidence: 'v1.34.9' }],
    },
    {
      name: 'v1.29.1',
      object: nodeWith({ kubeletVersion: 'v1.29.1' }),
      violations: [{ messageId: 'unsupported-version', path: PATH, evidence: 'v1.29.1' }],
    },
  ],
  skipped: [
    { name: 'hostile: no status', object: { apiVersion: 'v1', kind: 'Node' }, reason: /nodeInfo/ },
    {
      name: 'hostile: field not a string',
      object: nodeWith({ kubeletVersion: 7 }),
      reason: /nodeInfo/,
    },
  ],
});
