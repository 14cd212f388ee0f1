import control from '../../src/controls/rbac-secrets-access.js';
import { runRbacControlTests, clusterRoleBinding, clusterRole, user, group } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['secrets', 'pods'], verbs: ['get', 'list'] },
  grant: 'get,list secrets',
  safe: { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] },
  valid: [
    {
      name: 'secrets restricted by resourceNames',
      object: clusterRoleBinding('b', 'named', [user('alice')]),
      extra: [
        clusterRole('named', [
          { apiGroups: [''], resources: ['secrets'], resourceNames: ['tls'], verbs: ['get'] },
        ]),
      ],
    },
    {
      name: 'create only on secrets',
      object: clusterRoleBinding('b', 'writer', [user('alice')]),
      extra: [
        clusterRole('writer', [{ apiGroups: [''], resources: ['secrets'], verbs: ['create'] }]),
      ],
    },
  ],
  invalid: [
    {
      name: 'wildcards reach secrets',
      object: clusterRoleBinding('b', 'star', [group('devs')]),
      extra: [clusterRole('star', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }])],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          data: {
            subject: 'Group devs',
            grant: 'get,list,watch secrets',
            scope: 'cluster-wide',
            roleKind: 'ClusterRole',
            role: 'star',
            rule: 'rules[0]',
          },
        },
      ],
    },
    {
      name: 'aggregated ClusterRole',
      object: clusterRoleBinding('b', 'agg', [user('alice')]),
      extra: [
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: 'agg' },
          aggregationRule: { clusterRoleSelectors: [{ matchLabels: { part: 'agg' } }] },
        },
        clusterRole('piece', [{ apiGroups: [''], resources: ['secrets'], verbs: ['watch'] }], {
          part: 'agg',
        }),
      ],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          evidence:
            'User alice -> ClusterRoleBinding b -> ClusterRole agg (aggregated from ClusterRole piece) -> rules[0]: watch secrets',
        },
      ],
    },
  ],
});
