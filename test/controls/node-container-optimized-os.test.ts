import control from '../../src/controls/node-container-optimized-os.js';
import { controlTester } from './control-tester.js';
import { nodeWith } from './node-cases.js';

const PATH = ['status', 'nodeInfo', 'osImage'];

controlTester.run(control, {
  valid: [
    {
      name: 'Bottlerocket OS 1.20.0 (aws-k8s-1.30)',
      object: nodeWith({ osImage: 'Bottlerocket OS 1.20.0 (aws-k8s-1.30)' }),
    },
    {
      name: 'Container-Optimized OS from Google',
      object: nodeWith({ osImage: 'Container-Optimized OS from Google' }),
    },
  ],
  invalid: [
    {
      name: 'Ubuntu 22.04.4 LTS',
      object: nodeWith({ osImage: 'Ubuntu 22.04.4 LTS' }),
      violations: [{ messageId: 'general-purpose-os', path: PATH, evidence: 'Ubuntu 22.04.4 LTS' }],
    },
    {
      name: 'Amazon Linux 2',
      object: nodeWith({ osImage: 'Amazon Linux 2' }),
      violations: [{ messageId: 'general-purpose-os', path: PATH, evidence: 'Amazon Linux 2' }],
    },
  ],
  skipped: [
    { name: 'hostile: no status', object: { apiVersion: 'v1', kind: 'Node' }, reason: /nodeInfo/ },
    { name: 'hostile: field not a string', object: nodeWith({ osImage: 7 }), reason: /nodeInfo/ },
  ],
});
