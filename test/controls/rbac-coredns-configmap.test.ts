import control from '../../src/controls/rbac-coredns-configmap.js';
import { clusterRole, roleBinding, runRbacControlTests, user } from './rbac-cases.js';

const writeConfigMaps = { apiGroups: [''], resources: ['configmaps'], verbs: ['update'] };

runRbacControlTests(control, {
  risky: {
    apiGroups: [''],
    resources: ['configmaps'],
    resourceNames: ['coredns'],
    verbs: ['patch'],
  },
  grant: 'patch configmaps',
  safe: { apiGroups: [''], resources: ['configmaps'], resourceNames: ['other'], verbs: ['update'] },
  namespace: 'kube-system',
  valid: [
    {
      name: 'write access to ConfigMaps outside kube-system',
      object: roleBinding('team', 'b', { kind: 'ClusterRole', name: 'cm' }, [user('alice')]),
      extra: [clusterRole('cm', [writeConfigMaps])],
    },
  ],
  invalid: [
    {
      name: 'unrestricted ConfigMap writes in kube-system',
      object: roleBinding('kube-system', 'b', { kind: 'ClusterRole', name: 'cm' }, [user('alice')]),
      extra: [clusterRole('cm', [writeConfigMaps])],
      violations: [
        {
          messageId: 'risky-grant',
          path: ['subjects', 0],
          data: {
            subject: 'User alice',
            grant: 'update configmaps',
            scope: 'in namespace kube-system',
            roleKind: 'ClusterRole',
            role: 'cm',
            rule: 'rules[0]',
          },
        },
      ],
    },
  ],
});
