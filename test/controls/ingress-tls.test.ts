import control from '../../src/controls/ingress-tls.js';
import { controlTester } from './control-tester.js';

function ingress(spec: unknown): Record<string, unknown> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'i', namespace: 'team' },
    spec,
  };
}
const rules = [{ host: 'a.example.com' }, { host: 'b.example.com' }, {}];

controlTester.run(control, {
  valid: [
    {
      name: 'every host covered',
      object: ingress({
        tls: [{ hosts: ['a.example.com', 'b.example.com'], secretName: 's' }],
        rules,
      }),
    },
    {
      name: 'wildcard covers one label',
      object: ingress({ tls: [{ hosts: ['*.example.com'] }], rules }),
    },
    { name: 'TLS without rules', object: ingress({ tls: [{ secretName: 's' }] }) },
  ],
  invalid: [
    {
      name: 'no tls',
      object: ingress({ rules }),
      violations: [{ messageId: 'no-tls', path: ['spec'] }],
    },
    {
      name: 'empty tls list',
      object: ingress({ tls: [], rules }),
      violations: [{ messageId: 'no-tls', path: ['spec', 'tls'] }],
    },
    {
      name: 'tls not a list',
      object: ingress({ tls: 'yes' }),
      violations: [{ messageId: 'no-tls', path: ['spec', 'tls'] }],
    },
    {
      name: 'one host uncovered; wildcard does not cover deeper names',
      object: ingress({
        tls: [{ hosts: ['a.example.com', '*.example.org'] }],
        rules: [...rules, { host: 'x.y.example.org' }],
      }),
      violations: [
        {
          messageId: 'host-without-tls',
          path: ['spec', 'rules', 1, 'host'],
          evidence: 'b.example.com',
          data: { host: 'b.example.com' },
        },
        { messageId: 'host-without-tls', path: ['spec', 'rules', 3, 'host'] },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec missing',
      object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i' } },
    },
  ],
});
