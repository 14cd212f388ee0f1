import control from '../../src/controls/pod-disruption-budget.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function pdb(spec: unknown): Record<string, unknown> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'p', namespace: 'team' },
    spec,
  };
}
function web(replicas?: number): Record<string, unknown> {
  const object = workloadOf('Deployment', { containers: [] }, 'web');
  return {
    ...object,
    spec: {
      ...(object['spec'] as Record<string, unknown>),
      ...(replicas === undefined ? {} : { replicas }),
    },
  };
}
const selector = { matchLabels: { app: 'web' } };

controlTester.run(control, {
  valid: [
    { name: 'maxUnavailable 1', object: pdb({ maxUnavailable: 1, selector }) },
    {
      name: 'minAvailable below replicas',
      object: pdb({ minAvailable: 2, selector }),
      extra: [web(3)],
    },
    { name: 'percentage minAvailable', object: pdb({ minAvailable: '50%', selector }) },
  ],
  invalid: [
    {
      name: 'maxUnavailable 0',
      object: pdb({ maxUnavailable: 0, selector }),
      violations: [
        { messageId: 'zero-max-unavailable', path: ['spec', 'maxUnavailable'], evidence: '0' },
      ],
    },
    {
      name: 'maxUnavailable 0%',
      object: pdb({ maxUnavailable: '0%', selector }),
      violations: [{ messageId: 'zero-max-unavailable', path: ['spec', 'maxUnavailable'] }],
    },
    {
      name: 'minAvailable 100%',
      object: pdb({ minAvailable: '100%', selector }),
      violations: [{ messageId: 'min-available-all', path: ['spec', 'minAvailable'] }],
    },
    {
      name: 'minAvailable equals replicas',
      object: pdb({ minAvailable: 3, selector }),
      extra: [web(3)],
      violations: [
        {
          messageId: 'min-available-replicas',
          path: ['spec', 'minAvailable'],
          data: { minAvailable: 3, replicas: 3, workload: 'Deployment web' },
        },
      ],
    },
    {
      name: 'replicas default to 1',
      object: pdb({ minAvailable: 1, selector }),
      extra: [web()],
      violations: [{ messageId: 'min-available-replicas', path: ['spec', 'minAvailable'] }],
    },
  ],
  skipped: [
    {
      name: 'no selected workload in the scan',
      object: pdb({ minAvailable: 2, selector }),
      reason: /cannot be compared/,
    },
    {
      name: 'spec missing',
      object: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' } },
    },
  ],
});
