import { defineFramework } from './define.js';
import { requirement } from './mapping.js';
import * as T from './themes.js';

/**
 * Reliability and manifest hygiene: the checks that keep workloads running and manifests
 * maintainable, apart from security frameworks that have no place for them.
 */
export default defineFramework({
  id: 'devops',
  name: 'DevOps and reliability practices',
  version: '1',
  description:
    'Our own set of operational practices for workloads: requests and limits, health checks, safe rollouts and disruptions, references that resolve, supported APIs and images, and labels that say who owns what. Failing these rarely opens a hole, but they are where outages and confusing deployments come from.',
  sections: [
    requirement({
      id: 'resources',
      title: 'CPU and memory requests and limits',
      evidence: [
        [
          ['resource-limits', 'resource-requests'],
          'Requests let the scheduler place pods well; limits keep one pod from starving its neighbours.',
        ],
      ],
    }),
    requirement({
      id: 'health-checks',
      title: 'Liveness and readiness probes',
      evidence: [
        [
          ['readiness-probe', 'liveness-probe', 'probe-port'],
          'Probes, aimed at a port that exists, are how Kubernetes notices and routes around a broken pod.',
        ],
      ],
    }),
    requirement({
      id: 'availability',
      title: 'Rollouts and voluntary disruptions',
      evidence: [
        [
          ['naked-pod', 'rolling-update-strategy', 'pod-disruption-budget'],
          'Each keeps replicas serving while pods are replaced, rolled out or evicted.',
        ],
      ],
    }),
    requirement({
      id: 'references',
      title: 'References that resolve',
      evidence: [
        [
          T.BROKEN_REFERENCES,
          'Each finds an object that points at something missing, so it silently does nothing.',
        ],
      ],
    }),
    requirement({
      id: 'upgrades',
      title: 'Supported APIs and components',
      evidence: [
        [
          T.UNSUPPORTED_COMPONENTS,
          'Each finds something the next upgrade or the next security fix will leave behind.',
        ],
      ],
    }),
    requirement({
      id: 'images',
      title: 'Reproducible images',
      evidence: [
        [
          ['image-tag-latest', 'latest-image-pull-policy', 'image-digest'],
          'A pinned image runs the same content on every node and every restart.',
        ],
      ],
    }),
    requirement({
      id: 'hygiene',
      title: 'Labels and manifest hygiene',
      evidence: [
        [
          T.MANIFEST_HYGIENE,
          'Each keeps manifests readable and workloads attributable to an owner.',
        ],
      ],
    }),
  ],
});
