import control from '../../src/controls/rbac-create-pods.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: {
    apiGroups: ['apps'],
    resources: ['deployments', 'statefulsets'],
    verbs: ['create', 'update'],
  },
  grant: 'create deployments; create statefulsets',
  safe: {
    apiGroups: ['', 'apps'],
    resources: ['pods', 'deployments'],
    verbs: ['get', 'update', 'delete'],
  },
});
