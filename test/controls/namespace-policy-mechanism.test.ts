import control from '../../src/controls/namespace-policy-mechanism.js';
import { controlTester } from './control-tester.js';
import { namespace } from './namespace-psa-cases.js';

const LABEL = 'pod-security.kubernetes.io/enforce';
const webhook = (kind: string): Record<string, unknown> => ({
  apiVersion: 'admissionregistration.k8s.io/v1',
  kind,
  metadata: { name: 'policy-engine' },
  webhooks: [],
});

controlTester.run(control, {
  valid: [
    { name: 'enforce label set', object: namespace({ [LABEL]: 'baseline' }), source: 'cluster' },
    {
      name: 'even privileged is an explicit decision',
      object: namespace({ [LABEL]: 'privileged' }),
      source: 'cluster',
    },
    {
      name: 'no label, but a validating webhook exists',
      object: namespace(),
      extra: [webhook('ValidatingWebhookConfiguration')],
      source: 'cluster',
    },
    {
      name: 'no label, but a mutating webhook exists',
      object: namespace(),
      extra: [webhook('MutatingWebhookConfiguration')],
      source: 'cluster',
    },
    {
      name: 'no label, but a ValidatingAdmissionPolicyBinding exists',
      object: namespace(),
      extra: [webhook('ValidatingAdmissionPolicyBinding')],
      source: 'cluster',
    },
  ],
  invalid: [
    {
      name: 'no label and no policy engine',
      object: namespace({ team: 'a' }),
      source: 'cluster',
      violations: [{ messageId: 'no-policy', path: ['metadata', 'labels'] }],
    },
    {
      name: 'hostile: no metadata',
      object: { apiVersion: 'v1', kind: 'Namespace' },
      source: 'cluster',
      violations: [{ messageId: 'no-policy', path: [] }],
    },
  ],
});
