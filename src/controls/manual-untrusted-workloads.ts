import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-untrusted-workloads',
  title: 'Untrusted workloads not isolated',
  description:
    'Review item: untrusted code should run in isolated environments such as sandboxed runtimes or virtual nodes, not next to trusted workloads.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0249', 'C-0233'] },
  remediation:
    'Schedule untrusted workloads on dedicated nodes with a sandboxed runtime (gVisor, Kata) or an isolated service.',
});
