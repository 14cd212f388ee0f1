import control from '../../src/controls/secrets-in-env.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    {
      name: 'literal and ConfigMap refs',
      object: podWith({
        env: [
          { name: 'A', value: '1' },
          { name: 'B', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } },
        ],
        envFrom: [{ configMapRef: { name: 'c' } }],
      }),
    },
    {
      name: 'hostile shapes',
      object: podWith({ env: [null, { valueFrom: 'x' }], envFrom: 'secretRef' }),
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef',
      object: podWith({
        env: [
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        ],
        envFrom: [{ configMapRef: { name: 'c' } }, { secretRef: { name: 'api' } }],
      }),
      violations: [
        {
          messageId: 'secret-key-ref',
          path: [...C, 'env', 0, 'valueFrom', 'secretKeyRef'],
          data: { container: 'container "app"', name: 'DB_PASSWORD', secret: 'db' },
        },
        {
          messageId: 'secret-env-from',
          path: [...C, 'envFrom', 1, 'secretRef'],
          data: { container: 'container "app"', secret: 'api' },
        },
      ],
    },
    {
      name: 'unnamed entry and Secret',
      object: podWith({ env: [{ valueFrom: { secretKeyRef: {} } }] }),
      violations: [
        {
          messageId: 'secret-key-ref',
          path: [...C, 'env', 0, 'valueFrom', 'secretKeyRef'],
          data: { container: 'container "app"', name: 'env[0]', secret: '(unnamed)' },
        },
      ],
    },
  ],
});
