import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-iam-authenticator-mappings',
  title: 'Review AWS IAM identities mapped into the cluster',
  description:
    'Review item: the IAM roles and users the EKS authenticator maps into the cluster, and the groups they get, decide who administers it.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0232'] },
  remediation:
    'Review the aws-auth ConfigMap or access entries and map IAM identities to least-privilege groups.',
});
