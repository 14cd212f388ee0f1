import { defineNamespacePsaControl } from './namespace-psa.js';

export default defineNamespacePsaControl({
  id: 'namespace-psa-baseline',
  title: 'Namespace does not enforce the baseline Pod Security Standard',
  description:
    'Flags Namespaces whose pod-security.kubernetes.io/enforce label is missing or set to privileged. Without it the built-in Pod Security Admission admits privileged containers, host namespaces (PID, IPC, network), hostPath volumes, host ports and Windows HostProcess containers. Cluster-wide defaults set in an AdmissionConfiguration file are not visible to the scan; record them with an exception.',
  severity: 'high',
  examples: {
    failing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: privileged
`,
    passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
`,
  },
  minimum: 'baseline',
  aliases: {
    kubescape: ['C-0193', 'C-0194', 'C-0195', 'C-0196', 'C-0202', 'C-0203', 'C-0204'],
  },
  remediation:
    'Label every namespace with pod-security.kubernetes.io/enforce: baseline (or restricted), after checking with the warn and audit labels that its pods comply; keep privileged for the few system namespaces that need it.',
});
