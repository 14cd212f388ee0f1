import control from '../../src/controls/apiserver-authorization-rbac.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'includes RBAC', flags: ['--authorization-mode=Node,RBAC'] },
    {
      name: 'repeated, last includes RBAC',
      flags: ['--authorization-mode=Node', '--authorization-mode=RBAC'],
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
          data: { item: 'RBAC', value: 'unset (default: AlwaysAllow)' },
        },
      ],
    },
    {
      name: 'lacks RBAC',
      flags: ['--authorization-mode=Node'],
      problems: [
        {
          messageId: 'item-missing',
          flag: 'authorization-mode',
          data: { value: '= Node', item: 'RBAC' },
        },
      ],
    },
    {
      name: 'repeated, last lacks RBAC',
      flags: ['--authorization-mode=RBAC', '--authorization-mode=Node'],
      problems: [{ messageId: 'item-missing', flag: 'authorization-mode' }],
    },
  ],
});
