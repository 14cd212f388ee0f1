import control from '../../src/controls/load-balancer-tls.js';
import { controlTester } from './control-tester.js';

const lb = (ports: unknown, annotations?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'team', ...(annotations ? { annotations } : {}) },
  spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports },
});

controlTester.run(control, {
  valid: [
    { name: 'port 443', object: lb([{ port: 443, targetPort: 8443 }]) },
    { name: 'port named https', object: lb([{ name: 'https-web', port: 8080 }]) },
    {
      name: 'AWS certificate annotation',
      object: lb([{ port: 80 }], {
        'service.beta.kubernetes.io/aws-load-balancer-ssl-cert': 'arn:aws:acm:x',
      }),
    },
    { name: 'hostile: ports not a list', object: lb('x') },
  ],
  invalid: [
    {
      name: 'plain HTTP',
      object: lb([{ port: 443 }, { name: 'http', port: 80 }]),
      violations: [
        {
          messageId: 'plain-port',
          path: ['spec', 'ports', 1],
          evidence: '80',
          data: { port: '80' },
        },
      ],
    },
    {
      name: 'unrelated annotation',
      object: lb([{ port: 8080 }], { team: 'a' }),
      violations: [{ messageId: 'plain-port', path: ['spec', 'ports', 0] }],
    },
  ],
});
