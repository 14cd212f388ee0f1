import control from '../../src/controls/deprecated-service-account-field.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const containers = [{ name: 'app', image: 'a:1' }];

controlTester.run(control, {
  valid: [
    {
      name: 'serviceAccountName',
      object: workloadOf('Pod', { containers, serviceAccountName: 'api' }),
    },
    { name: 'null field', object: workloadOf('Pod', { containers, serviceAccount: null }) },
  ],
  invalid: [
    {
      name: 'deprecated field alone',
      object: workloadOf('Deployment', { containers, serviceAccount: 'api' }),
      violations: [
        {
          messageId: 'deprecated-field',
          path: ['spec', 'template', 'spec', 'serviceAccount'],
          evidence: 'api',
          data: { value: 'api' },
        },
      ],
    },
    {
      name: 'both fields set',
      object: workloadOf('Pod', { containers, serviceAccount: 'api', serviceAccountName: 'api' }),
      violations: [{ messageId: 'deprecated-field', path: ['spec', 'serviceAccount'] }],
    },
    {
      name: 'wrong type',
      object: workloadOf('Pod', { containers, serviceAccount: 3 }),
      violations: [
        { messageId: 'deprecated-field', path: ['spec', 'serviceAccount'], evidence: '3' },
      ],
    },
  ],
  skipped: [
    {
      name: 'no pod spec',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: [] },
    },
  ],
});
