import control from '../../src/controls/workload-rbac-token.js';
import { runWorkloadRbacTests } from './workload-rbac-cases.js';

runWorkloadRbacTests(control, {
  risky: { apiGroups: [''], resources: ['configmaps'], verbs: ['get'] },
  grant: 'get configmaps',
  safe: { nonResourceURLs: ['/healthz'], verbs: ['get'] },
});
