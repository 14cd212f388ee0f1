import control from '../../src/controls/apiserver-authorization-not-always-allow.js';
import { runFlagControlTests } from './control-plane-cases.js';

runFlagControlTests(control, 'kube-apiserver', {
  valid: [
    { name: 'without AlwaysAllow', flags: ['--authorization-mode=Node,RBAC'] },
    {
      name: 'repeated, last without AlwaysAllow',
      flags: ['--authorization-mode=AlwaysAllow', '--authorization-mode=Node,RBAC'],
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
          messageId: 'item-present',
          flag: 'authorization-mode',
          data: { item: 'AlwaysAllow', value: 'unset (default: AlwaysAllow)' },
        },
      ],
    },
    {
      name: 'includes AlwaysAllow',
      flags: ['--authorization-mode=Node,RBAC,AlwaysAllow'],
      problems: [
        {
          messageId: 'item-present',
          flag: 'authorization-mode',
          data: { value: '= Node,RBAC,AlwaysAllow', item: 'AlwaysAllow' },
        },
      ],
    },
    {
      name: 'repeated, last includes AlwaysAllow',
      flags: ['--authorization-mode=Node,RBAC', '--authorization-mode=AlwaysAllow'],
      problems: [{ messageId: 'item-present', flag: 'authorization-mode' }],
    },
  ],
});
