import control from '../../src/controls/rbac-create-persistent-volumes.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create'] },
  grant: 'create persistentvolumes',
  safe: { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['create', 'get'] },
});
