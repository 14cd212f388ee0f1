import control from '../../src/controls/pss-sysctls.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const SYSCTLS = ['spec', 'securityContext', 'sysctls'];
const withSysctls = (sysctls: unknown) => podWith({}, { securityContext: { sysctls } });

controlTester.run(control, {
  valid: [
    {
      name: 'a safe sysctl',
      object: withSysctls([{ name: 'kernel.shm_rmid_forced', value: '1' }]),
    },
    {
      name: 'tcp_keepalive_time from v1.29',
      object: withSysctls([{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }]),
      settings: { pssVersion: 'v1.29' },
    },
    { name: 'sysctls not a list', object: withSysctls('kernel.msgmax=1') },
    { name: 'empty list', object: withSysctls([]) },
  ],
  invalid: [
    {
      name: 'tcp_keepalive_time before v1.29',
      object: withSysctls([{ name: 'net.ipv4.tcp_keepalive_time', value: '60' }]),
      settings: { pssVersion: 'v1.28' },
      violations: [
        {
          messageId: 'unsafe-sysctl',
          path: [...SYSCTLS, 0, 'name'],
          evidence: 'net.ipv4.tcp_keepalive_time',
          data: {
            where: 'pod',
            field: 'name',
            value: 'net.ipv4.tcp_keepalive_time',
            version: 'v1.28',
          },
        },
      ],
    },
    {
      name: 'an unsafe sysctl after a safe one',
      object: withSysctls([{ name: 'net.ipv4.tcp_syncookies' }, { name: 'kernel.msgmax' }]),
      violations: [
        { messageId: 'unsafe-sysctl', path: [...SYSCTLS, 1, 'name'], evidence: 'kernel.msgmax' },
      ],
    },
    {
      name: 'entries without a name, or not objects',
      object: withSysctls([{ value: '1' }, null]),
      violations: [
        { messageId: 'unnamed-sysctl', path: [...SYSCTLS, 0] },
        { messageId: 'unnamed-sysctl', path: [...SYSCTLS, 1], evidence: 'null' },
      ],
    },
  ],
  skipped: [{ name: 'spec null', object: { apiVersion: 'v1', kind: 'Pod', spec: null } }],
});
