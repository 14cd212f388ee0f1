import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-cni-network-policy-support',
  title: 'CNI plugin without NetworkPolicy support',
  description:
    'Checks on the node that the CNI plugin in use enforces NetworkPolicy. With a plugin that does not, NetworkPolicies are accepted and silently ignored.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0205', 'C-0230'], cis: ['5.3.1'] },
  remediation:
    'Use a CNI plugin that enforces NetworkPolicy (Calico, Cilium, Antrea, ...) or add a policy engine to the one you run.',
});
