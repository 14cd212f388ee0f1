import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-private-endpoint',
  title: 'Control plane has no private endpoint',
  description:
    'Checks in the cloud account that the managed cluster has its private endpoint on and public access off.',
  severity: 'high',
  requires: 'cloud',
  aliases: { kubescape: ['C-0228', 'C-0252'] },
  remediation: 'Enable the private endpoint and disable public access to the API server.',
});
