import control from '../../src/controls/workload-cluster-takeover-roles.js';
import { runWorkloadRbacTests } from './workload-rbac-cases.js';

runWorkloadRbacTests(control, {
  risky: { apiGroups: ['', 'apps'], resources: ['pods', 'deployments'], verbs: ['create'] },
  grant: 'create pods; create deployments',
  safe: { apiGroups: [''], resources: ['pods', 'configmaps'], verbs: ['get', 'list'] },
});
