import control from '../../src/controls/rbac-delete-events.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: { apiGroups: ['events.k8s.io'], resources: ['events'], verbs: ['delete'] },
  grant: 'delete events',
  safe: {
    apiGroups: ['', 'events.k8s.io'],
    resources: ['events'],
    verbs: ['get', 'list', 'create'],
  },
});
