import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { LONG_RUNNING_KINDS } from './probe-scope.js';
import { evidenceOf, judgeContainers } from './workload-scope.js';

type MessageId = 'no-liveness-probe' | 'invalid-liveness-probe';

export default defineControl({
  id: 'liveness-probe',
  title: 'Liveness probe not configured',
  description:
    'Flags long-running containers without a livenessProbe. Without one, the kubelet restarts a container only when its process exits, so a deadlocked or wedged process keeps its pod slot forever.',
  severity: 'medium',
  match: { kinds: LONG_RUNNING_KINDS },
  aliases: {
    kubescape: ['C-0056'],
    checkov: ['CKV_K8S_8'],
    polaris: ['livenessProbeMissing'],
    kubeLinter: ['no-liveness-probe'],
  },
  messages: {
    'no-liveness-probe': 'The {container} has no livenessProbe.',
    'invalid-liveness-probe': 'The livenessProbe of the {container} is not an object.',
  },
  remediation:
    'Add a livenessProbe that fails only when the process cannot recover on its own (a cheap local health endpoint, not one that checks downstream services), with a failureThreshold and period generous enough to ride out slow moments.',
  check: (resource) =>
    judgeContainers(
      resource,
      (ref): Violation<MessageId>[] => {
        const probe = ref.container['livenessProbe'];
        if (isRecord(probe)) return [];
        const container = describeContainer(ref);
        if (probe === undefined || probe === null)
          return [{ messageId: 'no-liveness-probe', data: { container }, path: ref.path }];
        return [
          {
            messageId: 'invalid-liveness-probe',
            data: { container },
            path: [...ref.path, 'livenessProbe'],
            evidence: evidenceOf(probe),
          },
        ];
      },
      ['containers'],
    ),
});
