import { defineControl, lazyExamples } from './define.js';
import { releaseOf } from './image-versions.js';
import { judgeNodeInfo, nodeManifest } from './node-info.js';

/**
 * The oldest Kubernetes minor release the project still patches. Kubernetes supports its three
 * newest minors; with v1.37 the newest, that is v1.35. Raise it with each upstream release.
 */
export const OLDEST_SUPPORTED_MINOR = 35;

/** Releases outside and inside the support window, so the examples follow the constant. */
const OUTDATED = `v1.${String(OLDEST_SUPPORTED_MINOR - 2)}.9`;
const SUPPORTED = `v1.${String(OLDEST_SUPPORTED_MINOR + 1)}.3`;

export default defineControl({
  id: 'node-kubernetes-version',
  title: 'Node runs an unsupported Kubernetes version',
  description: `Flags Nodes whose kubelet is older than v1.${OLDEST_SUPPORTED_MINOR}, the oldest minor release the Kubernetes project still patches: security fixes no longer reach it.`,
  severity: 'low',
  match: { kinds: ['Node'] },
  aliases: { kubescape: ['C-0273'] },
  messages: {
    'unsupported-version': `The kubelet runs {version}; releases before v1.${OLDEST_SUPPORTED_MINOR} no longer get security fixes.`,
  },
  remediation:
    'Upgrade the cluster one minor release at a time until it runs a supported version, and plan upgrades every few months to stay there.',
  check: (resource) =>
    judgeNodeInfo(resource, 'kubeletVersion', ({ value, path }) => {
      const release = releaseOf(value);
      if (release === undefined)
        return { skipped: `kubelet version ${value} is not MAJOR.MINOR.PATCH` };
      if (release[0] > 1 || release[1] >= OLDEST_SUPPORTED_MINOR) return [];
      return [
        { messageId: 'unsupported-version', data: { version: value }, path, evidence: value },
      ];
    }),
  examples: lazyExamples(() => ({
    failing: nodeManifest({ kubeletVersion: OUTDATED }),
    passing: nodeManifest({ kubeletVersion: SUPPORTED }),
  })),
});
