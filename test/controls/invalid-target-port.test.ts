import control from '../../src/controls/invalid-target-port.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

const web = workloadOf(
  'Deployment',
  { containers: [{ name: 'app', image: 'a:1', ports: [{ name: 'http', containerPort: 8080 }] }] },
  'web',
);
const svc = (targetPort: unknown, selector: unknown = { app: 'web' }): Record<string, unknown> =>
  service({ selector, ports: [{ port: 80, targetPort }] });
const T = ['spec', 'ports', 0, 'targetPort'];

controlTester.run(control, {
  valid: [
    { name: 'named port defined', object: svc('http'), extra: [web] },
    { name: 'numeric port', object: svc(8080), extra: [web] },
    { name: 'numeric string', object: svc('8080'), extra: [web] },
    { name: 'named port with no selected pods in the scan', object: svc('grpc'), extra: [] },
    { name: 'no targetPort', object: service({ ports: [{ port: 80 }] }) },
    { name: 'ports not a list', object: service({ ports: 'x' }) },
  ],
  invalid: [
    {
      name: 'named port not defined by the selected pods',
      object: svc('metrics'),
      extra: [web],
      violations: [
        {
          messageId: 'undefined-named-port',
          path: T,
          evidence: 'metrics',
          data: { port: 'metrics' },
        },
      ],
    },
    {
      name: 'port out of range',
      object: svc(70000),
      violations: [{ messageId: 'invalid-port-number', path: T, evidence: '70000' }],
    },
    {
      name: 'port zero',
      object: svc(0),
      violations: [{ messageId: 'invalid-port-number', path: T }],
    },
    {
      name: 'name too long',
      object: svc('a-very-long-port-name'),
      violations: [{ messageId: 'invalid-port-name', path: T }],
    },
    {
      name: 'upper-case name',
      object: svc('HTTP'),
      extra: [web],
      violations: [{ messageId: 'invalid-port-name', path: T, evidence: 'HTTP' }],
    },
  ],
  skipped: [
    {
      name: 'spec missing',
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
    },
  ],
});
