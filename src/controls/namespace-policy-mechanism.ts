import { defineControl } from './define.js';
import { enforceLabelOf, enforceLabelPath, ENFORCE_LABEL } from './namespace-psa.js';

/** Kinds whose presence shows that some admission policy engine is installed. */
const POLICY_KINDS = [
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicyBinding',
] as const;

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
  failing: `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    team: payments
`,
  passing: `apiVersion: v1
kind: Namespace
metadata:
  name: payments
  labels:
    team: payments
    pod-security.kubernetes.io/enforce: restricted
`,
};

export default defineControl({
  id: 'namespace-policy-mechanism',
  title: 'No policy control mechanism for a namespace',
  description:
    'Flags Namespaces that carry no Pod Security Admission enforce label in a cluster that has no admission webhook or ValidatingAdmissionPolicyBinding either: nothing then stops a pod that breaks the Pod Security Standards from being created there. Needs a live cluster scan, since a set of manifests rarely shows every webhook.',
  severity: 'medium',
  requires: 'cluster',
  match: { kinds: ['Namespace'] },
  aliases: { kubescape: ['C-0192'], cis: ['5.2.1'] },
  messages: {
    'no-policy': `The namespace has no ${ENFORCE_LABEL} label and the cluster has no admission webhook or ValidatingAdmissionPolicyBinding.`,
  },
  remediation:
    'Label the namespace with pod-security.kubernetes.io/enforce (baseline or restricted), or install a policy engine (Kyverno, Gatekeeper, ValidatingAdmissionPolicies) that enforces pod security.',
  check: (resource, context) => {
    if (enforceLabelOf(resource) !== undefined) return [];
    if (POLICY_KINDS.some((kind) => context.resources.byKind(kind).length > 0)) return [];
    return [{ messageId: 'no-policy', path: enforceLabelPath(resource) }];
  },
  examples,
});
