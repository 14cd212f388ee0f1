import control from '../../src/controls/dangling-service.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

const web = workloadOf('Deployment', { containers: [] }, 'web');

controlTester.run(control, {
  valid: [
    { name: 'selects a Deployment', object: service({ selector: { app: 'web' } }), extra: [web] },
    {
      name: 'selects a CronJob template',
      object: service({ selector: { app: 'cj' } }),
      extra: [workloadOf('CronJob', { containers: [] }, 'cj')],
    },
    {
      name: 'no selector (manual endpoints)',
      object: service({ ports: [{ port: 80 }] }),
      extra: [web],
    },
    { name: 'empty selector', object: service({ selector: {} }) },
    {
      name: 'ExternalName',
      object: service({ type: 'ExternalName', externalName: 'x.example', selector: { app: 'x' } }),
      extra: [web],
    },
  ],
  invalid: [
    {
      name: 'label value differs',
      object: service({ selector: { app: 'api' } }),
      extra: [web],
      violations: [
        {
          messageId: 'selects-nothing',
          path: ['spec', 'selector'],
          evidence: '{"app":"api"}',
          data: { count: 1 },
        },
      ],
    },
    {
      name: 'extra selector key the pods lack',
      object: service({ selector: { app: 'web', tier: 'front' } }),
      extra: [web],
      violations: [{ messageId: 'selects-nothing', path: ['spec', 'selector'] }],
    },
    {
      name: 'non-string selector value',
      object: service({ selector: { app: 1 } }),
      extra: [web],
      violations: [{ messageId: 'selects-nothing', path: ['spec', 'selector'] }],
    },
  ],
  skipped: [
    {
      name: 'workloads only elsewhere',
      object: service({ selector: { app: 'web' } }),
      extra: [workloadOf('Deployment', { containers: [] }, 'web', 'prod')],
      reason: /namespace "team"/,
    },
    {
      name: 'spec missing',
      object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } },
    },
  ],
});
