import control from '../../src/controls/rbac-escalate-bind-impersonate.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: {
    apiGroups: ['rbac.authorization.k8s.io', ''],
    resources: ['clusterroles', 'serviceaccounts'],
    verbs: ['bind', 'impersonate'],
  },
  grant: 'bind clusterroles; impersonate serviceaccounts',
  safe: {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: ['get', 'create'],
  },
});
