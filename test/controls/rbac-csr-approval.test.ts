import control from '../../src/controls/rbac-csr-approval.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: {
    apiGroups: ['certificates.k8s.io'],
    resources: ['certificatesigningrequests/approval'],
    verbs: ['update'],
  },
  grant: 'update certificatesigningrequests/approval',
  safe: {
    apiGroups: ['certificates.k8s.io'],
    resources: ['certificatesigningrequests'],
    verbs: ['create', 'get', 'update'],
  },
});
