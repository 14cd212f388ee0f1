import control from '../../src/controls/dangling-network-policy.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { networkPolicy } from './network-fixtures.js';

const web = workloadOf('Deployment', { containers: [] }, 'web');

controlTester.run(control, {
  valid: [
    {
      name: 'selects a workload',
      object: networkPolicy({ podSelector: { matchLabels: { app: 'web' } } }),
      extra: [web],
    },
    {
      name: 'empty selector selects all',
      object: networkPolicy({ podSelector: {} }),
      extra: [web],
    },
    {
      name: 'selects a bare Pod',
      object: networkPolicy({
        podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['p'] }] },
      }),
      extra: [
        {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: 'p', namespace: 'team', labels: { app: 'p' } },
          spec: { containers: [] },
        },
      ],
    },
  ],
  invalid: [
    {
      name: 'typo in the label value',
      object: networkPolicy({ podSelector: { matchLabels: { app: 'wbe' } } }),
      extra: [web],
      violations: [
        { messageId: 'selects-nothing', path: ['spec', 'podSelector'], data: { count: 1 } },
      ],
    },
    {
      name: 'null selector selects nothing',
      object: networkPolicy({ podSelector: null }),
      extra: [web],
      violations: [{ messageId: 'selects-nothing', path: ['spec', 'podSelector'] }],
    },
    {
      name: 'missing selector',
      object: networkPolicy({ ingress: [] }),
      extra: [web],
      violations: [{ messageId: 'selects-nothing', path: ['spec'] }],
    },
  ],
  skipped: [
    {
      name: 'no workloads of the namespace in the scan',
      object: networkPolicy({ podSelector: {} }),
      extra: [workloadOf('Deployment', { containers: [] }, 'web', 'other')],
      reason: /no workloads/,
    },
    {
      name: 'invalid selector',
      object: networkPolicy({ podSelector: { matchLabels: [1] } }),
      extra: [web],
      reason: /invalid/,
    },
    { name: 'spec a string', object: networkPolicy('x'), extra: [web] },
  ],
});
