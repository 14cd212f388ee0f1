import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-azure-rbac',
  title: 'Azure RBAC for Kubernetes authorization off',
  description:
    'Checks in the Azure subscription that the AKS cluster uses Azure RBAC for Kubernetes authorization, so access is managed and reviewed with Entra ID.',
  severity: 'high',
  requires: 'cloud',
  aliases: { kubescape: ['C-0241'] },
  remediation: 'Enable Azure RBAC for Kubernetes authorization on the cluster.',
});
