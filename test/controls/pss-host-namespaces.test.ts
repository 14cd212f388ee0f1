import control from '../../src/controls/pss-host-namespaces.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const CRON = ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
const app = { name: 'app', image: 'a:1' };

controlTester.run(control, {
  valid: [
    { name: 'nothing shared', object: podWith({}) },
    {
      name: 'explicitly false',
      object: podWith({}, { hostNetwork: false, hostPID: false, hostIPC: false }),
    },
    { name: 'a string "true" reads as unset', object: podWith({}, { hostNetwork: 'true' }) },
  ],
  invalid: [
    {
      name: 'hostNetwork and hostPID in a CronJob, in upstream order',
      object: workloadOf('CronJob', { hostPID: true, hostNetwork: true, containers: [app] }),
      violations: [
        {
          messageId: 'host-network',
          path: [...CRON, 'hostNetwork'],
          evidence: 'true',
          data: { where: 'pod', field: 'hostNetwork', value: 'true', version: 'v1.37 (latest)' },
        },
        { messageId: 'host-pid', path: [...CRON, 'hostPID'], evidence: 'true' },
      ],
    },
    {
      name: 'hostIPC in a PodTemplate',
      object: workloadOf('PodTemplate', { hostIPC: true, containers: [app] }),
      violations: [{ messageId: 'host-ipc', path: ['template', 'spec', 'hostIPC'] }],
    },
  ],
  skipped: [
    {
      name: 'spec a list',
      object: { apiVersion: 'v1', kind: 'Pod', spec: [] },
      reason: /no pod spec/,
    },
    {
      name: 'initContainers an object',
      object: workloadOf('Pod', { containers: [app], initContainers: { a: 1 } }),
      reason: /initContainers is not a list/,
    },
  ],
});
