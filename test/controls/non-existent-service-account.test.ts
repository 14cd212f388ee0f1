import control from '../../src/controls/non-existent-service-account.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { serviceAccount } from './network-fixtures.js';

const containers = [{ name: 'app', image: 'a:1' }];

controlTester.run(control, {
  valid: [
    {
      name: 'account exists',
      object: workloadOf('Deployment', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('api')],
    },
    {
      name: 'default account always exists',
      object: workloadOf('Pod', { containers, serviceAccountName: 'default' }),
    },
    { name: 'no account named', object: workloadOf('Pod', { containers }) },
    {
      name: 'empty name',
      object: workloadOf('Pod', { containers, serviceAccountName: '' }),
      extra: [serviceAccount('x')],
    },
    {
      name: 'name not a string',
      object: workloadOf('Pod', { containers, serviceAccountName: 5 }),
      extra: [serviceAccount('x')],
    },
  ],
  invalid: [
    {
      name: 'missing account while others of the namespace are scanned',
      object: workloadOf('Deployment', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('worker')],
      violations: [
        {
          messageId: 'missing-service-account',
          path: ['spec', 'template', 'spec', 'serviceAccountName'],
          evidence: 'api',
          data: { serviceAccount: 'api' },
        },
      ],
    },
    {
      name: 'deprecated serviceAccount field',
      object: workloadOf('Job', { containers, serviceAccount: 'batch' }),
      extra: [serviceAccount('worker')],
      violations: [
        {
          messageId: 'missing-service-account',
          path: ['spec', 'template', 'spec', 'serviceAccount'],
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'no ServiceAccounts of the namespace scanned',
      object: workloadOf('Pod', { containers, serviceAccountName: 'api' }),
      extra: [serviceAccount('api', 'other')],
      reason: /no ServiceAccounts/,
    },
    {
      name: 'no pod spec',
      object: {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: { jobTemplate: null },
      },
      reason: /pod spec/,
    },
  ],
});
