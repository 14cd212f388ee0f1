import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'host-external-secret-storage',
  title: 'No external secret storage',
  description:
    'Checks the control plane encryption configuration for a KMS provider, so the keys that protect Secrets are held outside the cluster.',
  severity: 'medium',
  requires: 'host',
  aliases: { kubescape: ['C-0208', 'C-0234'], cis: ['5.4.2'] },
  remediation:
    'Use a KMS v2 provider backed by a cloud or hardware key manager, or keep secrets in an external store and sync them in.',
});
