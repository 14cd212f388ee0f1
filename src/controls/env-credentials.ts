import { controlsSettingsOf } from '../config/controls-settings.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord, type Resource } from '../model/resource.js';
import {
  type CredentialRules,
  detectCredential,
  embeddedAssignments,
  isCredentialName,
  redacted,
} from './credential-patterns.js';
import { defineControl, type CheckResult, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId =
  | 'env-credential-name'
  | 'env-credential-value'
  | 'configmap-credential-name'
  | 'configmap-credential-value'
  | 'configmap-embedded-credential';

function judgeEnv(ref: ContainerRef, rules: CredentialRules): Violation<MessageId>[] {
  const env = ref.container['env'];
  if (!Array.isArray(env)) return [];
  return env.flatMap((entry: unknown, index): Violation<MessageId>[] => {
    if (!isRecord(entry) || typeof entry['name'] !== 'string' || typeof entry['value'] !== 'string')
      return [];
    const { name, value } = entry;
    const found = detectCredential(name, value, rules);
    if (found === undefined) return [];
    const path = ref.path.concat('env', index, 'value');
    const container = describeContainer(ref);
    const evidence = redacted(name, value);
    return found.by === 'value'
      ? [
          {
            messageId: 'env-credential-value',
            data: { container, name, kind: found.kind },
            path,
            evidence,
          },
        ]
      : [{ messageId: 'env-credential-name', data: { container, name }, path, evidence }];
  });
}

function judgeConfigMapEntry(
  key: string,
  value: string,
  rules: CredentialRules,
): Violation<MessageId>[] {
  const path = ['data', key];
  const found = detectCredential(key, value, rules);
  if (found?.by === 'value') {
    return [
      {
        messageId: 'configmap-credential-value',
        data: { key, kind: found.kind },
        path,
        evidence: redacted(key, value),
      },
    ];
  }
  if (found?.by === 'name') {
    return [
      {
        messageId: 'configmap-credential-name',
        data: { key },
        path,
        evidence: redacted(key, value),
      },
    ];
  }
  // A config file stored as one value: look for secret-looking assignments inside it.
  if (!value.includes('\n')) return [];
  return embeddedAssignments(value)
    .filter(
      (assignment) =>
        isCredentialName(assignment.name, rules) &&
        detectCredential(assignment.name, assignment.value, rules) !== undefined,
    )
    .map((assignment) => ({
      messageId: 'configmap-embedded-credential' as const,
      data: { key, name: assignment.name, line: assignment.line },
      path,
      evidence: `${redacted(assignment.name, assignment.value)} (line ${assignment.line})`,
    }));
}

function judgeConfigMap(resource: Resource, rules: CredentialRules): CheckResult<MessageId> {
  const data = resource.object['data'];
  if (data === undefined || data === null) return [];
  if (!isRecord(data)) return { skipped: 'data is not a map' };
  return Object.entries(data).flatMap(([key, value]) =>
    typeof value === 'string' ? judgeConfigMapEntry(key, value, rules) : [],
  );
}

/** Shown by `cubecape explain` and the docs; the meta-test runs them through the control. */
const examples = {
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
          value: hunter2-but-longer
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
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
`,
};

export default defineControl({
  id: 'env-credentials',
  title: 'Credentials in environment variables or ConfigMaps',
  description:
    'Flags literal environment variable values and ConfigMap entries that look like credentials: secret-like names (PASSWORD, TOKEN, API_KEY, ...) with a literal value, well-known token formats (AWS, GitHub, private keys, ...) and random-looking keys; spec.sensitiveKeyNames and spec.sensitiveValuePatterns of the controls configuration add names and formats. Manifests are widely readable and versioned, so anything written in them is effectively public.',
  severity: 'high',
  match: { kinds: WORKLOAD_KINDS.concat('ConfigMap') },
  aliases: {
    kubescape: ['C-0012', 'C-0259'],
    polaris: ['sensitiveContainerEnvVar', 'sensitiveConfigmapContent'],
    kubeLinter: ['env-var-secret'],
  },
  messages: {
    'env-credential-name':
      'The {container} sets {name} to a literal value; its name suggests a credential.',
    'env-credential-value': 'The {container} sets {name} to a value that looks like a {kind}.',
    'configmap-credential-name':
      'ConfigMap key {key} holds a literal value; its name suggests a credential.',
    'configmap-credential-value': 'ConfigMap key {key} holds a value that looks like a {kind}.',
    'configmap-embedded-credential':
      'ConfigMap key {key} sets {name} on line {line}; the name suggests a credential.',
  },
  remediation:
    'Move the value into a Secret (ideally synced from an external secret store) and reference it with env[].valueFrom.secretKeyRef or a mounted secret volume; then rotate the exposed credential, since it has already been written down.',
  examples,
  check: (resource, context) => {
    const settings = controlsSettingsOf(context.settings);
    const rules: CredentialRules = {
      names: settings.sensitiveKeyNames,
      patterns: settings.sensitiveValuePatterns,
    };
    return resource.kind === 'ConfigMap'
      ? judgeConfigMap(resource, rules)
      : judgeContainers(resource, (ref) => judgeEnv(ref, rules));
  },
});
