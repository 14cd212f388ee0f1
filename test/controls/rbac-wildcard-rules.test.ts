import control from '../../src/controls/rbac-wildcard-rules.js';
import { controlTester } from './control-tester.js';
import { BOOTSTRAP, clusterRole, role } from './rbac-cases.js';

controlTester.run(control, {
  valid: [
    {
      name: 'explicit lists',
      object: role('team', 'r', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]),
    },
    {
      name: 'bootstrap default role',
      object: clusterRole(
        'system:aggregate-to-admin',
        [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }],
        BOOTSTRAP,
      ),
    },
    {
      name: 'rules missing',
      object: {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'x' },
      },
    },
    { name: 'rules junk', object: clusterRole('x', [null, 'rule', { verbs: '*' }]) },
    {
      name: 'subresource wildcard is not a bare *',
      object: clusterRole('x', [{ apiGroups: [''], resources: ['*/scale'], verbs: ['get'] }]),
    },
  ],
  invalid: [
    {
      name: 'wildcard in every list of the second rule',
      object: clusterRole('operator', [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        { apiGroups: ['*'], resources: ['deployments', '*'], verbs: ['*'] },
      ]),
      violations: [
        {
          messageId: 'wildcard',
          path: ['rules', 1, 'verbs', 0],
          data: { kind: 'ClusterRole', name: 'operator', rule: 1, field: 'verbs' },
          evidence: 'verbs: ["*"]',
        },
        { messageId: 'wildcard', path: ['rules', 1, 'resources', 1] },
        { messageId: 'wildcard', path: ['rules', 1, 'apiGroups', 0] },
      ],
    },
    {
      name: 'a Role with a wildcard verb',
      object: role('team', 'r', [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', '*'] },
      ]),
      violations: [{ messageId: 'wildcard', path: ['rules', 0, 'verbs', 1] }],
    },
  ],
});
