import control from '../../src/controls/pss-se-linux-options.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const OPTS = ['spec', 'containers', 0, 'securityContext', 'seLinuxOptions'];
const selinux = (seLinuxOptions: unknown) => podWith({ securityContext: { seLinuxOptions } });

controlTester.run(control, {
  valid: [
    {
      name: 'container_t with a level',
      object: selinux({ type: 'container_t', level: 's0:c1,c2' }),
    },
    { name: 'container_engine_t from v1.31', object: selinux({ type: 'container_engine_t' }) },
    { name: 'empty options', object: selinux({}) },
    { name: 'options not an object', object: selinux('spc_t') },
  ],
  invalid: [
    {
      name: 'container_engine_t before v1.31',
      object: selinux({ type: 'container_engine_t' }),
      settings: { pssVersion: 'v1.30' },
      violations: [
        {
          messageId: 'selinux-type',
          path: [...OPTS, 'type'],
          evidence: 'container_engine_t',
          data: {
            where: 'container "app"',
            field: 'type',
            value: 'container_engine_t',
            version: 'v1.30',
          },
        },
      ],
    },
    {
      name: 'user and role set on the pod',
      object: podWith(
        {},
        { securityContext: { seLinuxOptions: { user: 'system_u', role: 'sysadm_r' } } },
      ),
      violations: [
        {
          messageId: 'selinux-user',
          path: ['spec', 'securityContext', 'seLinuxOptions', 'user'],
          evidence: 'system_u',
        },
        {
          messageId: 'selinux-role',
          path: ['spec', 'securityContext', 'seLinuxOptions', 'role'],
          evidence: 'sysadm_r',
        },
      ],
    },
    {
      name: 'unconfined type',
      object: selinux({ type: 'spc_t' }),
      violations: [{ messageId: 'selinux-type', path: [...OPTS, 'type'], evidence: 'spc_t' }],
    },
  ],
  skipped: [{ name: 'containers a number', object: podWith({}, { containers: 3 }) }],
});
