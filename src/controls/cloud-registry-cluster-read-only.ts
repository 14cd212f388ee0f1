import { defineRequirementControl } from './control-plane/requirement-control.js';

export default defineRequirementControl({
  id: 'cloud-registry-cluster-read-only',
  title: 'Cluster identity can write to the registry',
  description:
    'Checks in the cloud account that the identity nodes pull images with has read-only access to the registry, so a compromised node cannot replace images.',
  severity: 'medium',
  requires: 'cloud',
  aliases: { kubescape: ['C-0223', 'C-0250'] },
  remediation: 'Give the node role or managed identity a read-only registry policy.',
});
