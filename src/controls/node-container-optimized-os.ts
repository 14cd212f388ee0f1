import { defineControl, lazyExamples } from './define.js';
import { judgeNodeInfo, nodeManifest } from './node-info.js';

/** Operating systems built only to run containers: minimal, read-only or image-based. */
const OPTIMIZED =
  /container-optimized os|bottlerocket|flatcar|talos|fedora coreos|red hat enterprise linux coreos|azure linux|cbl-mariner/i;

export default defineControl({
  id: 'node-container-optimized-os',
  title: 'Node does not run a container-optimized OS',
  description:
    'Flags Nodes whose operating system (status.nodeInfo.osImage) is a general-purpose distribution rather than one built to run containers, such as Container-Optimized OS, Bottlerocket, Flatcar, Talos or Fedora CoreOS. Those ship fewer packages, a read-only root and atomic updates, so there is less to attack on the host.',
  severity: 'low',
  match: { kinds: ['Node'] },
  aliases: { kubescape: ['C-0226'] },
  messages: {
    'general-purpose-os': 'The node runs {os}, a general-purpose operating system.',
  },
  remediation:
    'Use a container-optimized node image for new node pools (Container-Optimized OS on GKE, Bottlerocket on EKS, Azure Linux on AKS, Flatcar or Talos elsewhere) and move workloads over.',
  check: (resource) =>
    judgeNodeInfo(resource, 'osImage', ({ value, path }) =>
      OPTIMIZED.test(value)
        ? []
        : [{ messageId: 'general-purpose-os', data: { os: value }, path, evidence: value }],
    ),
  examples: lazyExamples(() => ({
    failing: nodeManifest({ osImage: 'Ubuntu 24.04.3 LTS' }),
    passing: nodeManifest({
      osImage: 'Bottlerocket OS 1.44.0 (aws-k8s-1.36)',
      kernelVersion: '6.1.140',
    }),
  })),
});
