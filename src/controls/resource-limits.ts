import { controlsSettingsOf, type ResourceBounds } from '../config/controls-settings.js';
import type { JsonPath } from '../core/json-path.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { judgeBounds, quantityText } from './resource-bounds.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId =
  | 'missing-cpu-limit'
  | 'missing-memory-limit'
  | 'limit-below-minimum'
  | 'limit-above-maximum'
  | 'invalid-limit';

const BOUND_MESSAGES = {
  below: 'limit-below-minimum',
  above: 'limit-above-maximum',
  invalid: 'invalid-limit',
} as const;

const LIMITS = [
  ['cpu', 'missing-cpu-limit'],
  ['memory', 'missing-memory-limit'],
] as const;

function isSet(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function judge(ref: ContainerRef, bounds: ResourceBounds): Violation<MessageId>[] {
  const resources = ref.container['resources'];
  const limits = isRecord(resources) ? resources['limits'] : undefined;
  const resourcesPath: JsonPath = ref.path.concat('resources');
  // Report at the deepest node that exists: limits, resources, or the container itself.
  const parent: JsonPath = isRecord(limits)
    ? resourcesPath.concat('limits')
    : resources === undefined || resources === null
      ? ref.path
      : limits === undefined || limits === null
        ? resourcesPath
        : resourcesPath.concat('limits');
  return LIMITS.flatMap(([name, messageId]): Violation<MessageId>[] => {
    const container = describeContainer(ref);
    if (!isRecord(limits) || !isSet(limits[name]))
      return [{ messageId, data: { container }, path: parent }];
    const value = limits[name];
    const found = judgeBounds(value, name, bounds);
    if (found === undefined) return [];
    const text = quantityText(value);
    return [
      {
        messageId: BOUND_MESSAGES[found.verdict],
        data: {
          container,
          resource: name,
          value: text,
          bound: 'bound' in found ? found.bound : '',
        },
        path: parent.concat(name),
        evidence: text,
      },
    ];
  });
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
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
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
      resources:
        requests:
          cpu: 100m
          memory: 128Mi
        limits:
          cpu: 500m
          memory: 256Mi
`,
};

export default defineControl({
  id: 'resource-limits',
  title: 'Missing CPU or memory limits',
  description:
    'Flags containers and init containers without a CPU limit or a memory limit, one finding per missing limit. Unbounded containers can starve their neighbours and the node, turning one compromised or buggy pod into a denial of service. With spec.resources.limits in the controls configuration, limits outside the configured minimum and maximum are reported too.',
  severity: 'medium',
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0009', 'C-0270', 'C-0271'],
    checkov: ['CKV_K8S_11', 'CKV_K8S_13'],
    polaris: ['cpuLimitsMissing', 'memoryLimitsMissing'],
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    trivy: ['KSV011', 'KSV018'],
  },
  messages: {
    'missing-cpu-limit': 'The {container} has no CPU limit.',
    'missing-memory-limit': 'The {container} has no memory limit.',
    'limit-below-minimum':
      'The {container} limits {resource} to {value}, below the minimum {bound}.',
    'limit-above-maximum':
      'The {container} limits {resource} to {value}, above the maximum {bound}.',
    'invalid-limit': 'The {container} limits {resource} to {value}, which is not a quantity.',
  },
  remediation:
    'Set resources.limits.cpu and resources.limits.memory on every container, sized from observed usage; a namespace LimitRange can supply defaults for containers that omit them.',
  examples,
  // Ephemeral containers may not declare resources, so they are not judged.
  check: (resource, context) => {
    const bounds = controlsSettingsOf(context.settings).limits;
    return judgeContainers(resource, (ref) => judge(ref, bounds), ['containers', 'initContainers']);
  },
});
