import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-admission-webhooks',
  title: 'Admission webhooks not reviewed',
  description:
    'Review item: a validating or mutating admission webhook sees, and for a mutating one may change, every object sent to the API server. An unknown webhook is a way to steal data or inject containers, so each one should be known and trusted.',
  severity: 'medium',
  requires: 'manual',
  aliases: { kubescape: ['C-0036', 'C-0039'] },
  remediation:
    'Review the ValidatingWebhookConfigurations and MutatingWebhookConfigurations of the cluster; remove unknown ones and limit who may write them (see rbac-webhook-configuration).',
});
