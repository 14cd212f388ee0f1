import control from '../../src/controls/rbac-pod-exec.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['create'] },
  grant: 'create pods/exec; create pods/attach',
  safe: { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'create'] },
});
