import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { labelSitesOf } from './pod-labels.js';

type MessageId = 'no-recommended-label';

/** Labels that say what a workload is and who runs it; any one of them satisfies the control. */
export const RECOMMENDED_LABELS: readonly string[] = [
  'app',
  'tier',
  'phase',
  'version',
  'owner',
  'env',
];

export default defineControl({
  id: 'recommended-labels',
  title: 'Workload without recommended labels',
  description: `Flags workloads and pod templates that carry none of the labels ${RECOMMENDED_LABELS.join(', ')}. Without them, people and policies cannot tell what a workload is, which environment it belongs to or who owns it, and selectors for policies and monitoring have nothing stable to match.`,
  severity: 'low',
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0076'] },
  messages: {
    'no-recommended-label': 'The {where} has none of the labels {labels}.',
  },
  remediation:
    'Label every workload and its pod template with at least the application name and, ideally, its tier, environment, version and owner, using the same keys across teams.',
  check: (resource) =>
    labelSitesOf(resource).flatMap(({ labels, path, where }): Violation<MessageId>[] =>
      RECOMMENDED_LABELS.some((key) => Object.hasOwn(labels, key))
        ? []
        : [
            {
              messageId: 'no-recommended-label',
              data: { where, labels: RECOMMENDED_LABELS.join(', ') },
              path,
            },
          ],
    ),
});
