import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-secrets-encryption',
  title: 'Managed cluster does not encrypt Secrets with a customer key',
  description:
    'Checks in the cloud account that Secrets of the managed cluster are encrypted at rest with a key management service key (AKS KMS etcd encryption).',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0244'] },
  remediation: 'Enable KMS encryption of Secrets with a key you control.',
});
