import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-image-policy-webhook',
  title: 'Image provenance not enforced',
  description:
    'Review item: only images from trusted sources, ideally signed, should be admitted, through ImagePolicyWebhook or an admission policy engine.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0289'], cis: ['5.5.1'] },
  remediation:
    'Enforce image provenance with an admission policy (signature verification, registry allow-list).',
});
