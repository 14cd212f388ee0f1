import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-eks-access-entries',
  title: 'EKS cluster access not managed with access entries',
  description:
    'Checks in the AWS account that the EKS cluster manages access with the Cluster Access Manager API (access entries) rather than only the aws-auth ConfigMap.',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0285'] },
  remediation:
    'Switch the cluster authentication mode to API (or API_AND_CONFIG_MAP) and move mappings to access entries.',
});
