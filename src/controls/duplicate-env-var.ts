import { describeContainer } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'duplicate-env';

export default defineControl({
  id: 'duplicate-env-var',
  title: 'Duplicate environment variable',
  description:
    'Flags containers that define the same environment variable name more than once. Only the last definition takes effect, so an edit to the first one silently does nothing, and merge tools (Kustomize, Helm) disagree about which one wins.',
  severity: 'low',
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
      env:
        - name: LOG_LEVEL
          value: info
        - name: PORT
          value: '8080'
        - name: LOG_LEVEL
          value: debug
`,
    passing: `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: registry.example/shop/web:1.4.2
      env:
        - name: LOG_LEVEL
          value: debug
        - name: PORT
          value: '8080'
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: { kubescape: ['C-0295'], kubeLinter: ['duplicate-env-var'] },
  messages: {
    'duplicate-env': 'The {container} defines {name} again (first at env[{first}]).',
  },
  remediation: 'Keep a single entry per variable name and delete the others.',
  check: (resource) =>
    judgeContainers(resource, (ref) => {
      const env = ref.container['env'];
      if (!Array.isArray(env)) return [];
      const seen = new Map<string, number>();
      return env.flatMap((entry: unknown, index): Violation<MessageId>[] => {
        if (!isRecord(entry) || typeof entry['name'] !== 'string') return [];
        const name = entry['name'];
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, index);
          return [];
        }
        return [
          {
            messageId: 'duplicate-env',
            data: { container: describeContainer(ref), name, first },
            path: ref.path.concat('env', index, 'name'),
            evidence: name,
          },
        ];
      });
    }),
});
