import control from '../../src/controls/dangling-ingress-backend.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

function ingress(spec: unknown): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'team' },
    spec,
  };
}
function rule(name: unknown, port: unknown): Record<string, unknown> {
  return {
    host: 'a.example',
    http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port } } }] },
  };
}
const web = service({ selector: { app: 'web' }, ports: [{ name: 'http', port: 80 }] });
const B = ['spec', 'rules', 0, 'http', 'paths', 0, 'backend', 'service'];

controlTester.run(control, {
  valid: [
    {
      name: 'service and port number exist',
      object: ingress({ rules: [rule('web', { number: 80 })] }),
      extra: [web],
    },
    {
      name: 'port by name',
      object: ingress({ defaultBackend: { service: { name: 'web', port: { name: 'http' } } } }),
      extra: [web],
    },
    {
      name: 'resource backend only',
      object: ingress({ defaultBackend: { resource: { kind: 'Bucket', name: 'b' } } }),
    },
    { name: 'no rules', object: ingress({}) },
    {
      name: 'hostile rules',
      object: ingress({ rules: [null, { http: 'x' }, { http: { paths: [7] } }] }),
      extra: [web],
    },
  ],
  invalid: [
    {
      name: 'missing Service',
      object: ingress({ rules: [rule('api', { number: 80 })] }),
      extra: [web],
      violations: [
        {
          messageId: 'missing-service',
          path: [...B, 'name'],
          evidence: 'api',
          data: { service: 'api' },
        },
      ],
    },
    {
      name: 'undeclared port number and name',
      object: ingress({
        defaultBackend: { service: { name: 'web', port: { name: 'https' } } },
        rules: [rule('web', { number: 8080 })],
      }),
      extra: [web],
      violations: [
        {
          messageId: 'missing-port',
          path: ['spec', 'defaultBackend', 'service', 'port', 'name'],
          evidence: 'https',
        },
        {
          messageId: 'missing-port',
          path: [...B, 'port', 'number'],
          data: { service: 'web', port: '8080' },
        },
      ],
    },
    {
      name: 'Service of the same name in another namespace does not count',
      object: ingress({ rules: [rule('web', { number: 80 })] }),
      extra: [web, service({}, 'web', 'other'), service({}, 'db')].slice(1),
      violations: [{ messageId: 'missing-service', path: [...B, 'name'] }],
    },
  ],
  skipped: [
    {
      name: 'no Services of the namespace in the scan',
      object: ingress({ rules: [rule('web', { number: 80 })] }),
      reason: /no Services/,
    },
    {
      name: 'spec missing',
      object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' } },
    },
  ],
});
