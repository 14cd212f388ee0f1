import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-registry-image-scanning',
  title: 'Registry image scanning off',
  description:
    'Checks in the cloud account that the container registry scans images for vulnerabilities (ECR scan on push, Microsoft Defender for container registries).',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0221', 'C-0243'] },
  remediation: 'Enable registry scanning, or scan images in CI before they are pushed.',
});
