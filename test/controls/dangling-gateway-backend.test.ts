import control from '../../src/controls/dangling-gateway-backend.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

function route(rules: unknown, kind = 'HTTPRoute'): Record<string, unknown> {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind,
    metadata: { name: 'r', namespace: 'team' },
    spec: { parentRefs: [{ name: 'gw' }], rules },
  };
}
const web = service({ ports: [{ port: 80 }] });
const R = ['spec', 'rules', 0, 'backendRefs'];

controlTester.run(control, {
  valid: [
    {
      name: 'service and port exist',
      object: route([{ backendRefs: [{ name: 'web', port: 80 }] }]),
      extra: [web],
    },
    {
      name: 'explicit core kind',
      object: route(
        [{ backendRefs: [{ group: '', kind: 'Service', name: 'web', port: 80 }] }],
        'GRPCRoute',
      ),
      extra: [web],
    },
    {
      name: 'non-Service backend not judged',
      object: route([{ backendRefs: [{ group: 'example.com', kind: 'Bucket', name: 'b' }] }]),
      extra: [web],
    },
    { name: 'no rules', object: route(undefined) },
    {
      name: 'hostile entries',
      object: route([null, { backendRefs: 'x' }, { backendRefs: [7] }]),
      extra: [web],
    },
  ],
  invalid: [
    {
      name: 'missing Service',
      object: route([{ backendRefs: [{ name: 'api', port: 80 }] }]),
      extra: [web],
      violations: [
        {
          messageId: 'missing-service',
          path: [...R, 0, 'name'],
          evidence: 'api',
          data: { service: 'api', namespace: 'namespace "team"' },
        },
      ],
    },
    {
      name: 'undeclared port, and a missing Service in another scanned namespace',
      object: route(
        [
          {
            backendRefs: [
              { name: 'web', port: 8080 },
              { name: 'db', namespace: 'data', port: 5432 },
            ],
          },
        ],
        'TCPRoute',
      ),
      extra: [web, service({}, 'cache', 'data')],
      violations: [
        { messageId: 'missing-port', path: [...R, 0, 'port'], evidence: '8080' },
        {
          messageId: 'missing-service',
          path: [...R, 1, 'name'],
          data: { service: 'db', namespace: 'namespace "data"' },
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'no Services in the referenced namespaces',
      object: route([{ backendRefs: [{ name: 'web', port: 80 }] }]),
      reason: /no Services/,
    },
    {
      name: 'spec missing',
      object: {
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'HTTPRoute',
        metadata: { name: 'r' },
      },
    },
  ],
});
