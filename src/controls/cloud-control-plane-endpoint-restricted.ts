import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-control-plane-endpoint-restricted',
  title: 'Control plane endpoint open to the internet',
  description:
    'Checks in the cloud account that the managed API endpoint accepts connections only from allowed address ranges (EKS public access CIDRs, AKS authorized IP ranges).',
  severity: 'high',
  requires: 'cloud',
  aliases: { kubescape: ['C-0227', 'C-0247'] },
  remediation:
    'Restrict the public endpoint to known address ranges or turn it off and use the private endpoint.',
});
