import control from '../../src/controls/pss-capabilities-baseline.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const ADD = ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'];
const caps = (capabilities: unknown) => podWith({ securityContext: { capabilities } });

controlTester.run(control, {
  valid: [
    {
      name: 'default-set capabilities',
      object: caps({ add: ['CHOWN', 'NET_BIND_SERVICE', 'KILL'] }),
    },
    { name: 'drop only', object: caps({ drop: ['ALL'] }) },
    { name: 'add not a list', object: caps({ add: 'SYS_ADMIN' }) },
    { name: 'capabilities null', object: caps(null) },
    { name: 'empty add list', object: caps({ add: [] }) },
  ],
  invalid: [
    {
      name: 'capabilities outside the default set, each at its index',
      object: caps({ add: ['NET_RAW', 'CHOWN', 'SYS_ADMIN'], drop: ['ALL'] }),
      violations: [
        {
          messageId: 'added-capability',
          path: [...ADD, 0],
          evidence: 'NET_RAW',
          data: {
            where: 'container "app"',
            field: '0',
            value: 'NET_RAW',
            version: 'v1.37 (latest)',
          },
        },
        { messageId: 'added-capability', path: [...ADD, 2], evidence: 'SYS_ADMIN' },
      ],
    },
    {
      name: 'spelling is exact: lower case and CAP_ prefixes fail',
      object: caps({ add: ['net_bind_service', 'CAP_CHOWN'] }),
      violations: [
        { messageId: 'added-capability', path: [...ADD, 0], evidence: 'net_bind_service' },
        { messageId: 'added-capability', path: [...ADD, 1], evidence: 'CAP_CHOWN' },
      ],
    },
    {
      name: 'a non-string entry fails',
      object: caps({ add: [null] }),
      violations: [{ messageId: 'added-capability', path: [...ADD, 0], evidence: 'null' }],
    },
    {
      name: 'also at restricted versions (the restricted control leaves these to this one)',
      object: workloadOf('ReplicaSet', {
        containers: [
          { name: 'a', image: 'a:1', securityContext: { capabilities: { add: ['NET_ADMIN'] } } },
        ],
      }),
      settings: { pssVersion: 'v1.30' },
      violations: [
        {
          messageId: 'added-capability',
          path: [
            'spec',
            'template',
            'spec',
            'containers',
            0,
            'securityContext',
            'capabilities',
            'add',
            0,
          ],
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'no pod spec',
      object: { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: null } },
      reason: /no pod spec/,
    },
  ],
});
