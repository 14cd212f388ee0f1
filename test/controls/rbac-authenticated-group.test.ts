import control from '../../src/controls/rbac-authenticated-group.js';
import { clusterRole, clusterRoleBinding, group, runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'patch'] },
  grant: 'get,patch configmaps',
  safe: { apiGroups: [''], resources: ['configmaps', 'pods'], verbs: ['get', 'list', 'watch'] },
  subjects: [group('system:authenticated')],
  valid: [
    {
      name: 'another group',
      object: clusterRoleBinding('b', 'w', [group('devs')]),
      extra: [clusterRole('w', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }])],
    },
  ],
  invalid: [
    {
      name: 'read access that reaches secrets through a wildcard',
      object: clusterRoleBinding('b', 'reader', [group('system:authenticated')]),
      extra: [clusterRole('reader', [{ apiGroups: [''], resources: ['*'], verbs: ['get'] }])],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          data: {
            subject: 'Group system:authenticated',
            grant: 'get *',
            scope: 'cluster-wide',
            roleKind: 'ClusterRole',
            role: 'reader',
            rule: 'rules[0]',
          },
        },
      ],
    },
  ],
});
