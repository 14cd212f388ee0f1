import control from '../../src/controls/rolling-update-strategy.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

function withStrategy(kind: string, field: string, strategy: unknown): Record<string, unknown> {
  const object = workloadOf(kind, { containers: [] });
  return { ...object, spec: { ...(object['spec'] as Record<string, unknown>), [field]: strategy } };
}

controlTester.run(control, {
  valid: [
    { name: 'default strategy', object: workloadOf('Deployment', { containers: [] }) },
    {
      name: 'explicit RollingUpdate',
      object: withStrategy('Deployment', 'strategy', { type: 'RollingUpdate' }),
    },
    {
      name: 'StatefulSet RollingUpdate',
      object: withStrategy('StatefulSet', 'updateStrategy', { type: 'RollingUpdate' }),
    },
    { name: 'strategy a string', object: withStrategy('Deployment', 'strategy', 'Recreate') },
  ],
  invalid: [
    {
      name: 'Recreate',
      object: withStrategy('Deployment', 'strategy', { type: 'Recreate' }),
      violations: [
        {
          messageId: 'not-rolling',
          path: ['spec', 'strategy', 'type'],
          evidence: 'Recreate',
          data: { kind: 'Deployment', type: 'Recreate' },
        },
      ],
    },
    {
      name: 'DaemonSet OnDelete',
      object: withStrategy('DaemonSet', 'updateStrategy', { type: 'OnDelete' }),
      violations: [{ messageId: 'not-rolling', path: ['spec', 'updateStrategy', 'type'] }],
    },
  ],
  skipped: [
    {
      name: 'spec missing',
      object: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' } },
    },
  ],
});
