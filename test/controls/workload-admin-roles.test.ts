import control from '../../src/controls/workload-admin-roles.js';
import { runWorkloadRbacTests } from './workload-rbac-cases.js';

runWorkloadRbacTests(control, {
  risky: { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  grant: 'do anything to every resource',
  safe: { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
});
