import control from '../../src/controls/rbac-admin-equivalent.js';
import { runRbacControlTests, clusterRoleBinding, clusterRole, user } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  grant: 'do anything to every resource',
  safe: { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] },
  valid: [
    {
      name: 'wildcard limited by resourceNames',
      object: clusterRoleBinding('b', 'named', [user('alice')]),
      extra: [
        clusterRole('named', [
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'], resourceNames: ['x'] },
        ]),
      ],
    },
  ],
});
