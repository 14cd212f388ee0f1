import control from '../../src/controls/recommended-labels.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withLabels(own: unknown, pod: unknown, kind = 'Deployment'): Record<string, unknown> {
  const object = workloadOf(kind, { containers: [] });
  const spec = object['spec'] as Record<string, unknown>;
  return {
    ...object,
    metadata: { name: 'app', namespace: 'team', labels: own },
    spec: { ...spec, template: { metadata: { labels: pod }, spec: { containers: [] } } },
  };
}

controlTester.run(control, {
  valid: [
    { name: 'app on both', object: withLabels({ app: 'web' }, { app: 'web' }) },
    {
      name: 'different recommended keys',
      object: withLabels({ owner: 'team-a' }, { env: 'prod' }),
    },
    {
      name: 'Pod with tier',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { tier: 'db' } },
        spec: { containers: [] },
      },
    },
  ],
  invalid: [
    {
      name: 'workload labels lack every key',
      object: withLabels({ team: 'a' }, { app: 'web' }),
      violations: [
        {
          messageId: 'no-recommended-label',
          path: ['metadata', 'labels'],
          data: { where: 'Deployment', labels: 'app, tier, phase, version, owner, env' },
        },
      ],
    },
    {
      name: 'labels missing on both, template labels a string',
      object: withLabels(undefined, 'app=web'),
      violations: [
        { messageId: 'no-recommended-label', path: ['metadata'] },
        {
          messageId: 'no-recommended-label',
          path: ['spec', 'template', 'metadata'],
          data: { where: 'pod template', labels: 'app, tier, phase, version, owner, env' },
        },
      ],
    },
    {
      name: 'non-string label values do not count',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { app: 1 } },
        spec: { containers: [] },
      },
      violations: [{ messageId: 'no-recommended-label', path: ['metadata', 'labels'] }],
    },
  ],
});
