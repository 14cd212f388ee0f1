import control from '../../src/controls/host-namespaces.js';
import { workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const containers = [{ name: 'app', image: 'a:1' }];

controlTester.run(control, {
  valid: [
    { name: 'none set', object: workloadOf('Pod', { containers }) },
    {
      name: 'all false',
      object: workloadOf('Pod', { containers, hostNetwork: false, hostPID: false, hostIPC: false }),
    },
    {
      name: 'strings are not true',
      object: workloadOf('Pod', { containers, hostNetwork: 'true' }),
    },
    {
      name: 'no containers needed for a pod-level check',
      object: workloadOf('Pod', { containers: 'garbage' }),
    },
  ],
  invalid: [
    {
      name: 'hostNetwork on a DaemonSet',
      object: workloadOf('DaemonSet', { containers, hostNetwork: true }),
      violations: [
        {
          messageId: 'host-network',
          path: ['spec', 'template', 'spec', 'hostNetwork'],
          evidence: 'true',
        },
      ],
    },
    {
      name: 'one violation per field',
      object: workloadOf('Pod', { containers, hostIPC: true, hostPID: true, hostNetwork: true }),
      violations: [
        { messageId: 'host-network', path: ['spec', 'hostNetwork'] },
        { messageId: 'host-pid', path: ['spec', 'hostPID'] },
        { messageId: 'host-ipc', path: ['spec', 'hostIPC'] },
      ],
    },
    {
      name: 'PodTemplate hostPID',
      object: workloadOf('PodTemplate', { containers, hostPID: true }),
      violations: [{ messageId: 'host-pid', path: ['template', 'spec', 'hostPID'] }],
    },
  ],
  skipped: [
    {
      name: 'spec is a list',
      object: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: [] },
    },
    {
      name: 'CronJob jobTemplate null',
      object: {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'c' },
        spec: { jobTemplate: null },
      },
    },
  ],
});
