import { defineNamespacePsaControl } from './namespace-psa.js';

export default defineNamespacePsaControl({
  id: 'namespace-psa-restricted',
  title: 'Namespace does not enforce the restricted Pod Security Standard',
  description:
    'Flags Namespaces whose pod-security.kubernetes.io/enforce label is not restricted. Only the restricted level makes Pod Security Admission reject containers that may escalate privileges, run as root, keep NET_RAW or other capabilities, or add capabilities beyond NET_BIND_SERVICE.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
`,
    passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
  },
  minimum: 'restricted',
  aliases: { kubescape: ['C-0197', 'C-0198', 'C-0199', 'C-0200', 'C-0201'] },
  remediation:
    'Label application namespaces with pod-security.kubernetes.io/enforce: restricted once their pods run as non-root, drop ALL capabilities, disallow privilege escalation and use the RuntimeDefault seccomp profile (try it first with the warn label).',
});
