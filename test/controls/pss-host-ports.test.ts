import control from '../../src/controls/pss-host-ports.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

controlTester.run(control, {
  valid: [
    { name: 'container port only', object: podWith({ ports: [{ containerPort: 8080 }] }) },
    { name: 'hostPort 0', object: podWith({ ports: [{ containerPort: 80, hostPort: 0 }] }) },
    { name: 'ports not a list', object: podWith({ ports: '8080' }) },
    { name: 'port entries of the wrong type', object: podWith({ ports: [null, 'x', 3] }) },
    {
      name: 'hostPort as a string reads as unset',
      object: podWith({ ports: [{ hostPort: '80' }] }),
    },
  ],
  invalid: [
    {
      name: 'init container first, then container, as upstream visits them',
      object: workloadOf('DaemonSet', {
        initContainers: [{ name: 'init', image: 'a:1', ports: [{ hostPort: 9000 }] }],
        containers: [
          { name: 'app', image: 'a:1', ports: [{ containerPort: 1 }, { hostPort: 443 }] },
        ],
      }),
      violations: [
        {
          messageId: 'host-port',
          path: ['spec', 'template', 'spec', 'initContainers', 0, 'ports', 0, 'hostPort'],
          evidence: '9000',
          data: {
            where: 'init container "init"',
            field: 'hostPort',
            value: '9000',
            version: 'v1.37 (latest)',
          },
        },
        {
          messageId: 'host-port',
          path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 1, 'hostPort'],
          evidence: '443',
        },
      ],
    },
  ],
  skipped: [
    {
      name: 'spec null',
      object: { apiVersion: 'v1', kind: 'Pod', spec: null },
      reason: /no pod spec/,
    },
  ],
});
