import control from '../../src/controls/mismatching-selector.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withSelector(kind: string, selector: unknown): Record<string, unknown> {
  const object = workloadOf(kind, { containers: [] }, 'web');
  return { ...object, spec: { ...(object['spec'] as Record<string, unknown>), selector } };
}
const S = ['spec', 'selector'];

controlTester.run(control, {
  valid: [
    {
      name: 'matching matchLabels',
      object: withSelector('Deployment', { matchLabels: { app: 'web' } }),
    },
    {
      name: 'matching expression',
      object: withSelector('StatefulSet', {
        matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'x'] }],
      }),
    },
    { name: 'Job with a generated selector', object: withSelector('Job', undefined) },
    {
      name: 'ReplicationController defaulting to template labels',
      object: withSelector('ReplicationController', undefined),
    },
    {
      name: 'ReplicationController equality map',
      object: withSelector('ReplicationController', { app: 'web' }),
    },
  ],
  invalid: [
    {
      name: 'label value differs',
      object: withSelector('Deployment', { matchLabels: { app: 'api' } }),
      violations: [
        { messageId: 'selector-mismatch', path: S, evidence: '{"matchLabels":{"app":"api"}}' },
      ],
    },
    {
      name: 'empty selector',
      object: withSelector('DaemonSet', {}),
      violations: [{ messageId: 'empty-selector', path: S }],
    },
    {
      name: 'missing selector',
      object: withSelector('ReplicaSet', null),
      violations: [{ messageId: 'missing-selector', path: ['spec'] }],
    },
    {
      name: 'invalid operator',
      object: withSelector('Deployment', {
        matchExpressions: [{ key: 'app', operator: 'Equals' }],
      }),
      violations: [{ messageId: 'invalid-selector', path: S }],
    },
    {
      name: 'selector a string',
      object: withSelector('Job', 'app=web'),
      violations: [{ messageId: 'invalid-selector', path: S, evidence: '"app=web"' }],
    },
    {
      name: 'ReplicationController mismatch',
      object: withSelector('ReplicationController', { app: 'db' }),
      violations: [{ messageId: 'selector-mismatch', path: S }],
    },
  ],
  skipped: [
    {
      name: 'template missing',
      object: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: { selector: {} },
      },
    },
  ],
});
