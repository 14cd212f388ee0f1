import control from '../../src/controls/rbac-anonymous-access.js';
import { clusterRole, clusterRoleBinding, group, runRbacControlTests, user } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['namespaces'], verbs: ['list'] },
  grant: 'list namespaces',
  safe: { nonResourceURLs: ['/healthz', '/version'], verbs: ['get'] },
  subjects: [user('system:anonymous'), group('system:unauthenticated')],
  valid: [
    {
      name: 'an authenticated user',
      object: clusterRoleBinding('b', 'ns', [user('alice')]),
      extra: [clusterRole('ns', [{ apiGroups: [''], resources: ['namespaces'], verbs: ['list'] }])],
    },
  ],
  invalid: [
    {
      name: 'metrics endpoint is not public info',
      object: clusterRoleBinding('b', 'metrics', [user('system:anonymous')]),
      extra: [clusterRole('metrics', [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }])],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          evidence:
            'User system:anonymous -> ClusterRoleBinding b -> ClusterRole metrics -> rules[0]: get /metrics',
        },
      ],
    },
  ],
});
