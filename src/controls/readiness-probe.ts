import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { LONG_RUNNING_KINDS } from './probe-scope.js';
import { evidenceOf, judgeContainers } from './workload-scope.js';

type MessageId = 'no-readiness-probe' | 'invalid-readiness-probe';

export default defineControl({
  id: 'readiness-probe',
  title: 'Readiness probe not configured',
  description:
    'Flags long-running containers without a readinessProbe. Without one, a pod receives Service traffic as soon as its process starts, before it can answer, and keeps receiving it while it is overloaded or stuck.',
  severity: 'low',
  match: { kinds: LONG_RUNNING_KINDS },
  aliases: {
    kubescape: ['C-0018'],
    checkov: ['CKV_K8S_9'],
    polaris: ['readinessProbeMissing'],
    kubeLinter: ['no-readiness-probe'],
  },
  messages: {
    'no-readiness-probe': 'The {container} has no readinessProbe.',
    'invalid-readiness-probe': 'The readinessProbe of the {container} is not an object.',
  },
  remediation:
    'Add a readinessProbe (httpGet, tcpSocket, grpc or exec) that succeeds only when the container can serve requests, for example an HTTP endpoint that checks its own dependencies cheaply.',
  check: (resource) =>
    judgeContainers(
      resource,
      (ref): Violation<MessageId>[] => {
        const probe = ref.container['readinessProbe'];
        if (isRecord(probe)) return [];
        const container = describeContainer(ref);
        if (probe === undefined || probe === null)
          return [{ messageId: 'no-readiness-probe', data: { container }, path: ref.path }];
        return [
          {
            messageId: 'invalid-readiness-probe',
            data: { container },
            path: [...ref.path, 'readinessProbe'],
            evidence: evidenceOf(probe),
          },
        ];
      },
      ['containers'],
    ),
});
