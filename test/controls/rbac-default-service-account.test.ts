import control from '../../src/controls/rbac-default-service-account.js';
import {
  clusterRole,
  clusterRoleBinding,
  roleBinding,
  runRbacControlTests,
  serviceAccount,
} from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] },
  grant: 'get,list pods',
  // Any permission counts; a rule with no verbs grants nothing.
  safe: { apiGroups: [''], resources: ['pods'], verbs: [] },
  subjects: [serviceAccount('web', 'default'), serviceAccount('shop', 'default')],
  valid: [
    {
      name: 'a dedicated service account',
      object: clusterRoleBinding('b', 'reader', [serviceAccount('web', 'web-app')]),
      extra: [clusterRole('reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }])],
    },
  ],
  invalid: [
    {
      name: 'namespace defaults to the RoleBinding namespace',
      object: roleBinding('shop', 'b', { kind: 'ClusterRole', name: 'reader' }, [
        { kind: 'ServiceAccount', name: 'default' },
      ]),
      extra: [clusterRole('reader', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }])],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          evidence:
            'ServiceAccount shop/default -> RoleBinding b -> ClusterRole reader -> rules[0]: get pods',
        },
      ],
    },
  ],
});
