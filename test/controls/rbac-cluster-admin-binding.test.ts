import control from '../../src/controls/rbac-cluster-admin-binding.js';
import { controlTester } from './control-tester.js';
import {
  BOOTSTRAP,
  clusterRoleBinding,
  group,
  roleBinding,
  serviceAccount,
  user,
} from './rbac-cases.js';

controlTester.run(control, {
  valid: [
    { name: 'another ClusterRole', object: clusterRoleBinding('b', 'view', [user('alice')]) },
    {
      name: 'a Role named cluster-admin',
      object: roleBinding('team', 'b', { kind: 'Role', name: 'cluster-admin' }, [user('alice')]),
    },
    {
      name: 'bootstrap system:masters binding',
      object: clusterRoleBinding(
        'system:cluster-admin',
        'cluster-admin',
        [group('system:masters')],
        BOOTSTRAP,
      ),
    },
    { name: 'no subjects', object: clusterRoleBinding('b', 'cluster-admin', []) },
    { name: 'subjects a string', object: clusterRoleBinding('b', 'cluster-admin', 'alice') },
    {
      name: 'roleRef missing',
      object: {
        ...clusterRoleBinding('b', 'cluster-admin', [user('alice')]),
        roleRef: 'cluster-admin',
      },
    },
  ],
  invalid: [
    {
      name: 'two subjects, role not in the scan',
      object: clusterRoleBinding('ops-admin', 'cluster-admin', [
        user('alice'),
        serviceAccount('ops', 'deployer'),
      ]),
      violations: [
        {
          messageId: 'cluster-admin-bound',
          path: ['subjects', 0],
          evidence: 'User alice -> ClusterRoleBinding ops-admin -> ClusterRole cluster-admin',
          data: {
            subject: 'User alice',
            scope: 'cluster-wide',
            bindingKind: 'ClusterRoleBinding',
            binding: 'ops-admin',
          },
        },
        { messageId: 'cluster-admin-bound', path: ['subjects', 1] },
      ],
    },
    {
      name: 'RoleBinding to cluster-admin',
      object: roleBinding('team', 'owner', { kind: 'ClusterRole', name: 'cluster-admin' }, [
        null,
        group('team-leads'),
      ]),
      violations: [
        {
          messageId: 'cluster-admin-bound',
          path: ['subjects', 1],
          data: {
            subject: 'Group team-leads',
            scope: 'in namespace team',
            bindingKind: 'RoleBinding',
            binding: 'owner',
          },
        },
      ],
    },
  ],
});
