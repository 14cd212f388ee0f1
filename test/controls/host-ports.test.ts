import control from '../../src/controls/host-ports.js';
import { podWith, workloadOf } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const C = ['spec', 'containers', 0];

controlTester.run(control, {
  valid: [
    { name: 'container ports only', object: podWith({ ports: [{ containerPort: 8080 }] }) },
    {
      name: 'hostPort 0 means none',
      object: podWith({ ports: [{ containerPort: 8080, hostPort: 0 }] }),
    },
    { name: 'ports not a list', object: podWith({ ports: { containerPort: 80 } }) },
    { name: 'empty ports and junk entries', object: podWith({ ports: [null, 'x', {}] }) },
  ],
  invalid: [
    {
      name: 'host port on the second port',
      object: podWith({ ports: [{ containerPort: 80 }, { containerPort: 443, hostPort: 443 }] }),
      violations: [
        {
          messageId: 'host-port',
          path: [...C, 'ports', 1, 'hostPort'],
          evidence: '443',
          data: { container: 'container "app"', hostPort: '443' },
        },
      ],
    },
    {
      name: 'host ports on two containers of a StatefulSet',
      object: workloadOf('StatefulSet', {
        containers: [
          { name: 'a', image: 'a:1', ports: [{ containerPort: 1, hostPort: 9000 }] },
          { name: 'b', image: 'b:1', ports: [{ containerPort: 2, hostPort: '9001' }] },
        ],
      }),
      violations: [
        {
          messageId: 'host-port',
          path: ['spec', 'template', 'spec', 'containers', 0, 'ports', 0, 'hostPort'],
          evidence: '9000',
        },
        {
          messageId: 'host-port',
          path: ['spec', 'template', 'spec', 'containers', 1, 'ports', 0, 'hostPort'],
          evidence: '9001',
        },
      ],
    },
  ],
  skipped: [{ name: 'containers a number', object: workloadOf('Pod', { containers: 1 }) }],
});
