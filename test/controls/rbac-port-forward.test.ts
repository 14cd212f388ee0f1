import control from '../../src/controls/rbac-port-forward.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['pods/portforward'], verbs: ['get', 'create'] },
  grant: 'create,get pods/portforward',
  safe: { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
});
