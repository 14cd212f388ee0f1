import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'manual-image-vulnerabilities',
  title: 'Exposed or heavily vulnerable images',
  description:
    'Review item: workloads reachable from outside the cluster should not run images with critical or remote-code-execution vulnerabilities, and no image should carry more vulnerabilities than the team accepts. Judging it needs image scan results, which a manifest scan does not have; run cubecape on the images and record the outcome.',
  severity: 'high',
  requires: 'manual',
  aliases: { kubescape: ['C-0083', 'C-0084', 'C-0085'] },
  remediation:
    'Scan the images of exposed workloads for vulnerabilities (for example with the cubecape image commands) and rebuild or patch those with critical or remote-code-execution findings; set a maximum count per severity and gate releases on it.',
});
