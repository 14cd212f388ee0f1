import control from '../../src/controls/rbac-delete-workloads.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: ['', 'batch'], resources: ['pods', 'jobs'], verbs: ['deletecollection'] },
  grant: 'deletecollection pods; deletecollection jobs',
  safe: { apiGroups: [''], resources: ['pods'], verbs: ['create', 'get'] },
});
