import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-registry-user-access',
  title: 'Broad user access to the container registry',
  description:
    'Checks in the cloud account that IAM policies give users only the registry access they need (ECR, ACR, Artifact Registry).',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0222', 'C-0251', 'C-0308'] },
  remediation:
    'Grant push rights to CI identities only and read rights to the teams that need them.',
});
