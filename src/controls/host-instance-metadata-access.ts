import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-instance-metadata-access',
  title: 'Pods can reach the cloud instance metadata API',
  description:
    "Checks from the node whether pods can reach the cloud provider's instance metadata endpoint, which hands out the node's cloud credentials.",
  severity: 'high',
  requires: 'host',
  aliases: { kubescape: ['C-0052'] },
  remediation:
    "Block 169.254.169.254 for pods with NetworkPolicy or the provider's metadata protection (IMDSv2 with hop limit 1, GKE Workload Identity, Azure pod identity).",
});
