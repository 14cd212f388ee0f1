import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'secret-key-ref' | 'secret-env-from';

function judgeEnv(ref: ContainerRef): Violation<MessageId>[] {
  const env = ref.container['env'];
  if (!Array.isArray(env)) return [];
  return env.flatMap((entry: unknown, index): Violation<MessageId>[] => {
    const from = isRecord(entry) ? entry['valueFrom'] : undefined;
    if (!isRecord(from) || !isRecord(from['secretKeyRef'])) return [];
    const name =
      isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : `env[${index}]`;
    const secret = from['secretKeyRef']['name'];
    return [
      {
        messageId: 'secret-key-ref',
        data: {
          container: describeContainer(ref),
          name,
          secret: typeof secret === 'string' ? secret : '(unnamed)',
        },
        path: ref.path.concat('env', index, 'valueFrom', 'secretKeyRef'),
      },
    ];
  });
}

function judgeEnvFrom(ref: ContainerRef): Violation<MessageId>[] {
  const envFrom = ref.container['envFrom'];
  if (!Array.isArray(envFrom)) return [];
  return envFrom.flatMap((entry: unknown, index): Violation<MessageId>[] => {
    if (!isRecord(entry) || !isRecord(entry['secretRef'])) return [];
    const secret = entry['secretRef']['name'];
    return [
      {
        messageId: 'secret-env-from',
        data: {
          container: describeContainer(ref),
          secret: typeof secret === 'string' ? secret : '(unnamed)',
        },
        path: ref.path.concat('envFrom', index, 'secretRef'),
      },
    ];
  });
}

export default defineControl({
  id: 'secrets-in-env',
  title: 'Secrets consumed as environment variables',
  description:
    'Flags containers that read Secrets into environment variables (valueFrom.secretKeyRef or envFrom.secretRef). Environment variables leak into crash dumps, debug endpoints, child processes and logs, and cannot be rotated without a restart; mounted files avoid most of that.',
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
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: shop-db
              key: password
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
        - name: DB_PASSWORD_FILE
          value: /etc/shop-db/password
      volumeMounts:
        - name: shop-db
          mountPath: /etc/shop-db
          readOnly: true
  volumes:
    - name: shop-db
      secret:
        secretName: shop-db
        items:
          - key: password
            path: password
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0207'],
    checkov: ['CKV_K8S_35'],
    cis: ['5.4.1'],
    kubeLinter: ['read-secret-from-env-var'],
  },
  messages: {
    'secret-key-ref': 'The {container} reads Secret {secret} into the environment variable {name}.',
    'secret-env-from': 'The {container} loads every key of Secret {secret} into its environment.',
  },
  remediation:
    'Mount the Secret as a volume (read-only, with only the keys needed) and have the application read the file; rotated values then reach the pod without a restart.',
  check: (resource) => judgeContainers(resource, (ref) => [...judgeEnv(ref), ...judgeEnvFrom(ref)]),
});
