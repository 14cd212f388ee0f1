import control from '../../src/controls/rbac-service-account-token.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  grant: 'create serviceaccounts/token',
  safe: { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['create', 'get'] },
});
