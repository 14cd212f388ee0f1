import control from '../../src/controls/probe-port.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const ports = [{ name: 'http', containerPort: 8080 }];
const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    {
      name: 'named port defined',
      object: podWith({ ports, livenessProbe: { httpGet: { port: 'http' } } }),
    },
    {
      name: 'numeric port declared',
      object: podWith({ ports, readinessProbe: { tcpSocket: { port: 8080 } } }),
    },
    {
      name: 'numeric port with no ports list',
      object: podWith({ startupProbe: { grpc: { port: 9090 } } }),
    },
    {
      name: 'exec probe',
      object: podWith({ ports, livenessProbe: { exec: { command: ['true'] } } }),
    },
    { name: 'probe not an object', object: podWith({ livenessProbe: 'x' }) },
    {
      name: 'numeric string port declared',
      object: podWith({ ports, livenessProbe: { httpGet: { port: '8080' } } }),
    },
    {
      name: 'ports not a list',
      object: podWith({ ports: 'x', livenessProbe: { httpGet: { port: 80 } } }),
    },
  ],
  invalid: [
    {
      name: 'named port missing',
      object: podWith({ ports, readinessProbe: { httpGet: { port: 'metrics' } } }),
      violations: [
        {
          messageId: 'undefined-named-port',
          path: [...C, 'readinessProbe', 'httpGet', 'port'],
          evidence: 'metrics',
          data: { container: 'container "app"', probe: 'readinessProbe', port: 'metrics' },
        },
      ],
    },
    {
      name: 'named port with no ports at all',
      object: podWith({ livenessProbe: { tcpSocket: { port: 'http' } } }),
      violations: [
        { messageId: 'undefined-named-port', path: [...C, 'livenessProbe', 'tcpSocket', 'port'] },
      ],
    },
    {
      name: 'numeric port not declared, in every probe of a Deployment',
      object: workloadOf('Deployment', {
        containers: [
          {
            name: 'app',
            image: 'a:1',
            ports,
            startupProbe: { httpGet: { port: 9000 } },
            livenessProbe: { grpc: { port: 9001 } },
          },
        ],
      }),
      violations: [
        {
          messageId: 'port-not-exposed',
          path: ['spec', 'template', 'spec', 'containers', 0, 'startupProbe', 'httpGet', 'port'],
          evidence: '9000',
        },
        {
          messageId: 'port-not-exposed',
          path: ['spec', 'template', 'spec', 'containers', 0, 'livenessProbe', 'grpc', 'port'],
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec a number',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: 3 },
    },
  ],
});
