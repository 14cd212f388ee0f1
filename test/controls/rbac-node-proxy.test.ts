import control from '../../src/controls/rbac-node-proxy.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] },
  grant: 'get nodes/proxy',
  safe: {
    apiGroups: [''],
    resources: ['nodes', 'nodes/metrics', 'nodes/stats'],
    verbs: ['get', 'list'],
  },
});
