import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-image-signatures',
  title: 'Image signatures not verified',
  description:
    'Review item: every image should carry a signature and that signature should verify against the keys the organisation trusts. Checking it needs the registry and the signing keys, which a manifest scan does not have.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0236', 'C-0237'] },
  remediation:
    'Sign images in the release pipeline and verify the signatures before they run, with cubecape verify or an admission policy that checks them against your public keys.',
});
