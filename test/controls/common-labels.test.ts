import control from '../../src/controls/common-labels.js';
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
    {
      name: 'app on both',
      object: withLabels({ 'app.kubernetes.io/name': 'web' }, { 'app.kubernetes.io/name': 'web' }),
    },
    {
      name: 'different recommended keys',
      object: withLabels(
        { 'app.kubernetes.io/part-of': 'shop' },
        { 'app.kubernetes.io/instance': 'web-1' },
      ),
    },
    {
      name: 'Pod with tier',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { 'app.kubernetes.io/component': 'db' } },
        spec: { containers: [] },
      },
    },
  ],
  invalid: [
    {
      name: 'workload labels lack every key',
      object: withLabels({ app: 'web' }, { 'app.kubernetes.io/name': 'web' }),
      violations: [
        {
          messageId: 'no-common-label',
          path: ['metadata', 'labels'],
          data: { where: 'Deployment' },
        },
      ],
    },
    {
      name: 'labels missing on both, template labels a string',
      object: withLabels(undefined, 'app=web'),
      violations: [
        { messageId: 'no-common-label', path: ['metadata'] },
        {
          messageId: 'no-common-label',
          path: ['spec', 'template', 'metadata'],
          data: { where: 'pod template' },
        },
      ],
    },
    {
      name: 'non-string label values do not count',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', labels: { 'app.kubernetes.io/name': 1 } },
        spec: { containers: [] },
      },
      violations: [{ messageId: 'no-common-label', path: ['metadata', 'labels'] }],
    },
  ],
});
