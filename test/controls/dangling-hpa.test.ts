import control from '../../src/controls/dangling-hpa.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function hpa(scaleTargetRef: unknown): Record<string, unknown> {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'h', namespace: 'team' },
    spec: { scaleTargetRef, minReplicas: 2, maxReplicas: 5 },
  };
}
const web = workloadOf('Deployment', { containers: [] }, 'web');
const rollout = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Rollout',
  metadata: { name: 'r', namespace: 'team' },
};

controlTester.run(control, {
  valid: [
    {
      name: 'target exists',
      object: hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }),
      extra: [web],
    },
    {
      name: 'custom kind target exists',
      object: hpa({ kind: 'Rollout', name: 'r' }),
      extra: [rollout],
    },
  ],
  invalid: [
    {
      name: 'missing Deployment while the namespace has workloads',
      object: hpa({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' }),
      extra: [web],
      violations: [
        {
          messageId: 'missing-target',
          path: ['spec', 'scaleTargetRef', 'name'],
          evidence: 'api',
          data: { kind: 'Deployment', name: 'api' },
        },
      ],
    },
    {
      name: 'StatefulSet named like the Deployment',
      object: hpa({ kind: 'StatefulSet', name: 'web' }),
      extra: [web],
      violations: [{ messageId: 'missing-target', path: ['spec', 'scaleTargetRef', 'name'] }],
    },
    {
      name: 'missing Rollout while other Rollouts are scanned',
      object: hpa({ kind: 'Rollout', name: 'x' }),
      extra: [rollout],
      violations: [{ messageId: 'missing-target', path: ['spec', 'scaleTargetRef', 'name'] }],
    },
  ],
  skipped: [
    {
      name: 'nothing of the namespace in the scan',
      object: hpa({ kind: 'Deployment', name: 'web' }),
      reason: /cannot be checked/,
    },
    {
      name: 'custom kind with only Deployments scanned',
      object: hpa({ kind: 'Rollout', name: 'r' }),
      extra: [web],
    },
    { name: 'scaleTargetRef missing', object: hpa(undefined) },
    { name: 'name not a string', object: hpa({ kind: 'Deployment', name: 3 }), extra: [web] },
  ],
});
