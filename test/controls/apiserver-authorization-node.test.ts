import control from '../../src/controls/apiserver-authorization-node.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'includes Node', flags: ['--authorization-mode=RBAC,Node'] },
    {
      name: 'repeated, last includes Node',
      flags: ['--authorization-mode=RBAC', '--authorization-mode=Node'],
    },
    {
      name: 'authorization-config file instead',
      flags: ['--authorization-config=/etc/kubernetes/authz.yaml'],
    },
  ],
  invalid: [
    {
      name: 'unset',
      flags: ['--v=2'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'authorization-mode',
          data: { item: 'Node', value: 'unset (default: AlwaysAllow)' },
        },
      ],
    },
    {
      name: 'lacks Node',
      flags: ['--authorization-mode=RBAC'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'authorization-mode',
          data: { value: '= RBAC', item: 'Node' },
        },
      ],
    },
    {
      name: 'repeated, last lacks Node',
      flags: ['--authorization-mode=Node', '--authorization-mode=RBAC'],
      problems: [{ messageId: 'item-missing', flag: 'authorization-mode' }],
    },
  ],
});
