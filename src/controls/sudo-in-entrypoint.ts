import { describeContainer } from '../model/containers.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'sudo';

/** `sudo` as a command word: alone, at the start, or after a shell separator or path. */
const SUDO = /(?:^|[\s;&|(`'"/])sudo(?=$|[\s;&|)`'"])/;

export default defineControl({
  id: 'sudo-in-entrypoint',
  title: 'sudo in the container entrypoint',
  description:
    'Flags containers whose command or args invoke sudo. An image that needs sudo at start-up carries a setuid binary and a sudoers rule, so any process in it can become root; it also shows the workload is not built to run unprivileged.',
  severity: 'medium',
  examples: {
    failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      command: ['sh', '-c', 'sudo chown app /data && exec /app/server']
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  securityContext:
    fsGroup: 10001
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      command: ['/app/server']
      securityContext:
        allowPrivilegeEscalation: false
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0062'] },
  messages: {
    sudo: 'The {container} runs sudo in its {field}.',
  },
  remediation:
    'Do the privileged set-up at image build time or in a narrowly scoped init container, run the main process as its final non-root user, remove sudo from the image and set allowPrivilegeEscalation: false.',
  check: (resource) =>
    judgeContainers(resource, (ref) =>
      (['command', 'args'] as const).flatMap((field) => {
        const list = ref.container[field];
        if (!Array.isArray(list)) return [];
        return list.flatMap((entry: unknown, index): Violation<MessageId>[] =>
          typeof entry === 'string' && SUDO.test(entry)
            ? [
                {
                  messageId: 'sudo',
                  data: { container: describeContainer(ref), field },
                  path: ref.path.concat(field, index),
                  evidence: entry,
                },
              ]
            : [],
        );
      }),
    ),
});
