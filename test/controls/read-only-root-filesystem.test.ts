import control from '../../src/controls/read-only-root-filesystem.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];
const SC = [...C, 'securityContext'];

controlTester.run(control, {
  valid: [
    { name: 'read-only', object: podWith({ securityContext: { readOnlyRootFilesystem: true } }) },
    { name: 'empty containers', object: workloadOf('ReplicaSet', { containers: [] }) },
  ],
  invalid: [
    {
      name: 'missing securityContext',
      object: podWith({}),
      violations: [{ messageId: 'not-read-only', path: C }],
    },
    {
      name: 'securityContext null',
      object: podWith({ securityContext: null }),
      violations: [{ messageId: 'not-read-only', path: C }],
    },
    {
      name: 'explicitly false',
      object: podWith({ securityContext: { readOnlyRootFilesystem: false } }),
      violations: [
        { messageId: 'writable', path: [...SC, 'readOnlyRootFilesystem'], evidence: 'false' },
      ],
    },
    {
      name: 'wrong type',
      object: podWith({ securityContext: { readOnlyRootFilesystem: 'yes' } }),
      violations: [
        { messageId: 'not-read-only', path: [...SC, 'readOnlyRootFilesystem'], evidence: 'yes' },
      ],
    },
    {
      name: 'pod-level setting does not exist, so a pod securityContext does not help',
      object: podWith(
        { securityContext: {} },
        { securityContext: { readOnlyRootFilesystem: true } },
      ),
      violations: [{ messageId: 'not-read-only', path: SC }],
    },
  ],
  skipped: [
    {
      name: 'Job spec a string',
      object: { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec: 'x' },
    },
  ],
});
