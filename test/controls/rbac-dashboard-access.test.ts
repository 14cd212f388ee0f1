import control from '../../src/controls/rbac-dashboard-access.js';
import { controlTester } from './control-tester.js';
import { clusterRoleBinding, roleBinding, serviceAccount, user } from './rbac-cases.js';

const dashboardSa = serviceAccount('kubernetes-dashboard', 'kubernetes-dashboard');

controlTester.run(control, {
  valid: [
    {
      name: 'dashboard account bound to its own role',
      object: clusterRoleBinding('kubernetes-dashboard', 'kubernetes-dashboard', [dashboardSa]),
    },
    {
      name: 'dashboard account with view',
      object: clusterRoleBinding('dash-view', 'view', [dashboardSa]),
    },
    {
      name: 'unrelated binding',
      object: clusterRoleBinding('b', 'cluster-admin', [user('alice')]),
    },
    {
      name: 'dashboards-ish names do not match',
      object: clusterRoleBinding('b', 'dashboards', [user('alice')]),
    },
    {
      name: 'roleRef missing',
      object: { ...clusterRoleBinding('b', 'x', [dashboardSa]), roleRef: null },
    },
  ],
  invalid: [
    {
      name: 'dashboard account bound to cluster-admin',
      object: clusterRoleBinding('dash-admin', 'cluster-admin', [dashboardSa]),
      violations: [
        {
          messageId: 'dashboard-admin',
          path: ['subjects', 0],
          evidence:
            'ServiceAccount kubernetes-dashboard/kubernetes-dashboard -> ClusterRoleBinding dash-admin -> ClusterRole cluster-admin',
        },
      ],
    },
    {
      name: 'a user given the dashboard role',
      object: roleBinding(
        'kubernetes-dashboard',
        'b',
        { kind: 'Role', name: 'kubernetes-dashboard' },
        [dashboardSa, user('bob')],
      ),
      violations: [
        {
          messageId: 'dashboard-role',
          path: ['subjects', 1],
          data: {
            subject: 'User bob',
            role: 'kubernetes-dashboard',
            scope: 'in namespace kubernetes-dashboard',
          },
        },
      ],
    },
  ],
});
