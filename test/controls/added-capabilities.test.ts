import control from '../../src/controls/added-capabilities.js';
import { podWith } from '../model/make-resource.js';
import { controlTester } from './control-tester.js';

const ADD = ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'];

controlTester.run(control, {
  valid: [
    { name: 'no capabilities', object: podWith({ securityContext: {} }) },
    {
      name: 'only drops',
      object: podWith({ securityContext: { capabilities: { drop: ['ALL'] } } }),
    },
    {
      name: 'NET_BIND_SERVICE in any spelling',
      object: podWith({
        securityContext: { capabilities: { add: ['NET_BIND_SERVICE', 'cap_net_bind_service'] } },
      }),
    },
    {
      name: 'add not a list',
      object: podWith({ securityContext: { capabilities: { add: 'SYS_ADMIN' } } }),
    },
    {
      name: 'capabilities a string',
      object: podWith({ securityContext: { capabilities: 'ALL' } }),
    },
    {
      name: 'non-string entries ignored',
      object: podWith({ securityContext: { capabilities: { add: [null, 3, {}, ''] } } }),
    },
  ],
  invalid: [
    {
      name: 'dangerous and ordinary capabilities, each reported at its entry',
      object: podWith({
        securityContext: {
          capabilities: { add: ['NET_BIND_SERVICE', 'CAP_SYS_ADMIN', 'CHOWN', 'all'] },
        },
      }),
      violations: [
        {
          messageId: 'dangerous-capability',
          path: [...ADD, 1],
          evidence: 'CAP_SYS_ADMIN',
          data: { container: 'container "app"', capability: 'SYS_ADMIN' },
        },
        { messageId: 'added-capability', path: [...ADD, 2], evidence: 'CHOWN' },
        {
          messageId: 'dangerous-capability',
          path: [...ADD, 3],
          evidence: 'all',
          data: { container: 'container "app"', capability: 'ALL' },
        },
      ],
    },
    {
      name: 'NET_RAW and SYS_PTRACE are dangerous',
      object: podWith({ securityContext: { capabilities: { add: ['NET_RAW', 'SYS_PTRACE'] } } }),
      violations: [
        { messageId: 'dangerous-capability', path: [...ADD, 0] },
        { messageId: 'dangerous-capability', path: [...ADD, 1] },
      ],
    },
  ],
});
