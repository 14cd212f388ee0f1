import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-network-policy-enabled',
  title: 'Managed cluster has NetworkPolicy off',
  description:
    'Checks in the cloud account that network policy enforcement is enabled for the managed cluster (AKS network policy).',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0240'] },
  remediation: 'Enable a network policy engine (Azure, Calico or Cilium) on the cluster.',
});
