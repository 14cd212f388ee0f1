import control from '../../src/controls/automount-service-account-token.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const containers = [{ name: 'app', image: 'a:1' }];

function serviceAccount(
  name: string,
  automount?: unknown,
  namespace = 'team',
): Record<string, unknown> {
  const object: Record<string, unknown> = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name, namespace },
  };
  if (automount !== undefined) object['automountServiceAccountToken'] = automount;
  return object;
}

controlTester.run(control, {
  valid: [
    {
      name: 'pod opts out',
      object: workloadOf('Pod', { containers, automountServiceAccountToken: false }),
    },
    {
      name: 'named ServiceAccount opts out',
      object: workloadOf('Deployment', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('api', false)],
    },
    {
      name: 'default ServiceAccount opts out',
      object: workloadOf('Deployment', { containers }),
      extra: [serviceAccount('default', false)],
    },
    {
      name: 'deprecated serviceAccount field',
      object: workloadOf('Job', { containers, serviceAccount: 'batch' }),
      extra: [serviceAccount('batch', false)],
    },
    { name: 'ServiceAccount that opts out', object: serviceAccount('api', false) },
  ],
  invalid: [
    {
      name: 'nothing opts out and the ServiceAccount is not scanned',
      object: workloadOf('Pod', { containers }),
      violations: [
        {
          messageId: 'automount-not-disabled',
          path: ['spec'],
          data: { serviceAccount: 'default' },
        },
      ],
    },
    {
      name: 'pod explicitly enables, overriding its ServiceAccount',
      object: workloadOf('Deployment', {
        containers,
        serviceAccountName: 'api',
        automountServiceAccountToken: true,
      }),
      extra: [serviceAccount('api', false)],
      violations: [
        {
          messageId: 'pod-automount-enabled',
          path: ['spec', 'template', 'spec', 'automountServiceAccountToken'],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'ServiceAccount in another namespace does not count',
      object: workloadOf('Deployment', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('api', false, 'other')],
      violations: [
        {
          messageId: 'automount-not-disabled',
          path: ['spec', 'template', 'spec'],
          data: { serviceAccount: 'api' },
        },
      ],
    },
    {
      name: 'ServiceAccount found but does not opt out',
      object: workloadOf('CronJob', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('api', true)],
      violations: [
        {
          messageId: 'automount-not-disabled',
          path: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
        },
      ],
    },
    {
      name: 'empty serviceAccountName falls back to default',
      object: workloadOf('Pod', { containers, serviceAccountName: '' }),
      extra: [serviceAccount('default', true)],
      violations: [
        {
          messageId: 'automount-not-disabled',
          path: ['spec'],
          data: { serviceAccount: 'default' },
        },
      ],
    },
    {
      name: 'ServiceAccount without the field',
      object: serviceAccount('api'),
      violations: [
        { messageId: 'service-account-automount', path: [], data: { serviceAccount: 'api' } },
      ],
    },
    {
      name: 'ServiceAccount with a string value',
      object: serviceAccount('api', 'false'),
      violations: [
        {
          messageId: 'service-account-automount',
          path: ['automountServiceAccountToken'],
          evidence: 'false',
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'Pod spec a string',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: 'x' },
    },
  ],
});
