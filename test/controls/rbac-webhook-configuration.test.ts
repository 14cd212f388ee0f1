import control from '../../src/controls/rbac-webhook-configuration.js';
import { runRbacControlTests } from './rbac-cases.js';

runRbacControlTests(control, {
  risky: {
    apiGroups: ['admissionregistration.k8s.io'],
    resources: ['mutatingwebhookconfigurations'],
    verbs: ['patch', 'get'],
  },
  grant: 'patch mutatingwebhookconfigurations',
  safe: {
    apiGroups: ['admissionregistration.k8s.io'],
    resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
    verbs: ['get', 'list', 'watch'],
  },
});
