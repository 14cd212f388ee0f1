import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-private-nodes',
  title: 'Nodes have public addresses',
  description: 'Checks in the cloud account that worker nodes have only private addresses.',
  severity: 'high',
  requires: 'cloud',
  aliases: { kubescape: ['C-0229', 'C-0248'] },
  remediation: 'Create node groups in private subnets without public IPs.',
});
