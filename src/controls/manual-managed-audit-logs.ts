import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-managed-audit-logs',
  title: 'Managed control plane audit logs',
  description:
    'Review item: on managed clusters the API server audit log must be switched on in the provider (AKS diagnostic settings, EKS control plane logging, GKE Cloud Audit Logs).',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0254'] },
  remediation: 'Enable control plane audit logging in the cloud provider and retain it centrally.',
});
