import { controlsSettingsOf, type ResourceBounds } from '../config/controls-settings.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { judgeBounds, quantityText } from './resource-bounds.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId =
  | 'no-cpu-request'
  | 'no-memory-request'
  | 'request-below-minimum'
  | 'request-above-maximum'
  | 'invalid-request';

const BOUND_MESSAGES = {
  below: 'request-below-minimum',
  above: 'request-above-maximum',
  invalid: 'invalid-request',
} as const;

const RESOURCES = [
  ['cpu', 'no-cpu-request'],
  ['memory', 'no-memory-request'],
] as const;

function isSet(map: unknown, key: string): boolean {
  if (!isRecord(map)) return false;
  const value = map[key];
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/** The request in force: the one set, else the limit it defaults to. */
function effective(
  resources: unknown,
  key: string,
): { value: unknown; path: (string | number)[] } | undefined {
  if (!isRecord(resources)) return undefined;
  for (const field of ['requests', 'limits']) {
    const map = resources[field];
    if (isSet(map, key) && isRecord(map))
      return { value: map[key], path: ['resources', field, key] };
  }
  return undefined;
}

function judge(ref: ContainerRef, bounds: ResourceBounds): Violation<MessageId>[] {
  const resources = ref.container['resources'];
  const requests = isRecord(resources) ? resources['requests'] : undefined;
  const limits = isRecord(resources) ? resources['limits'] : undefined;
  const container = describeContainer(ref);
  return RESOURCES.flatMap(([key, messageId]): Violation<MessageId>[] => {
    // A missing request defaults to the limit, so a limit alone is enough.
    if (isSet(requests, key) || isSet(limits, key)) {
      const request = effective(resources, key);
      const found = request === undefined ? undefined : judgeBounds(request.value, key, bounds);
      if (request === undefined || found === undefined) return [];
      const text = quantityText(request.value);
      return [
        {
          messageId: BOUND_MESSAGES[found.verdict],
          data: {
            container,
            resource: key,
            value: text,
            bound: 'bound' in found ? found.bound : '',
          },
          path: ref.path.concat(request.path),
          evidence: text,
        },
      ];
    }
    const path = isRecord(requests)
      ? ref.path.concat('resources', 'requests')
      : isRecord(resources)
        ? ref.path.concat('resources')
        : ref.path;
    return [{ messageId, data: { container }, path }];
  });
}

export default defineControl({
  id: 'resource-requests',
  title: 'CPU or memory request not set',
  description:
    'Flags containers without a CPU or memory request (a limit counts, since the request then defaults to it). The scheduler places pods by their requests: without them nodes get overcommitted, pods are evicted first under pressure and noisy neighbours starve others. With spec.resources.requests in the controls configuration, requests outside the configured minimum and maximum are reported too.',
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
`,
  },
  match: { kinds: WORKLOAD_KINDS },
  aliases: {
    kubescape: ['C-0004', 'C-0050', 'C-0268', 'C-0269'],
    checkov: ['CKV_K8S_10', 'CKV_K8S_12'],
    polaris: ['cpuRequestsMissing', 'memoryRequestsMissing'],
    kubeLinter: ['unset-cpu-requirements', 'unset-memory-requirements'],
    trivy: ['KSV015', 'KSV016'],
  },
  messages: {
    'no-cpu-request': 'The {container} sets no CPU request.',
    'no-memory-request': 'The {container} sets no memory request.',
    'request-below-minimum':
      'The {container} requests {value} of {resource}, below the minimum {bound}.',
    'request-above-maximum':
      'The {container} requests {value} of {resource}, above the maximum {bound}.',
    'invalid-request': 'The {container} requests {value} of {resource}, which is not a quantity.',
  },
  remediation:
    'Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load (measure it, for example with the Vertical Pod Autoscaler in recommendation mode).',
  check: (resource, context) => {
    const bounds = controlsSettingsOf(context.settings).requests;
    return judgeContainers(resource, (ref) => judge(ref, bounds), ['containers', 'initContainers']);
  },
});
