import control from '../../src/controls/ssh-service-port.js';
import { controlTester } from './control-tester.js';
import { service } from './network-fixtures.js';

controlTester.run(control, {
  valid: [
    { name: 'HTTP only', object: service({ ports: [{ port: 80, targetPort: 8080 }] }) },
    { name: 'hostile: ports not a list', object: service({ ports: 'x' }) },
    { name: 'hostile: no spec', object: service(undefined) },
    { name: 'hostile: entries not objects', object: service({ ports: [null, 22] }) },
  ],
  invalid: [
    {
      name: 'port 22',
      object: service({ ports: [{ port: 80 }, { port: 22 }] }),
      violations: [
        {
          messageId: 'ssh-port',
          path: ['spec', 'ports', 1, 'port'],
          evidence: '22',
          data: { index: 1, field: 'port', port: 22 },
        },
      ],
    },
    {
      name: 'forwards to 2222',
      object: service({ ports: [{ port: 8022, targetPort: 2222 }] }),
      violations: [{ messageId: 'ssh-port', path: ['spec', 'ports', 0, 'targetPort'] }],
    },
    {
      name: 'named ssh',
      object: service({ ports: [{ name: 'ssh', port: 8022, targetPort: 'ssh' }] }),
      violations: [{ messageId: 'ssh-port', path: ['spec', 'ports', 0, 'name'] }],
    },
  ],
});
