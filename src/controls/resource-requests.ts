import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'no-cpu-request' | 'no-memory-request';

const RESOURCES = [
  ['cpu', 'no-cpu-request'],
  ['memory', 'no-memory-request'],
] as const;

function isSet(map: unknown, key: string): boolean {
  if (!isRecord(map)) return false;
  const value = map[key];
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function judge(ref: ContainerRef): Violation<MessageId>[] {
  const resources = ref.container['resources'];
  const requests = isRecord(resources) ? resources['requests'] : undefined;
  const limits = isRecord(resources) ? resources['limits'] : undefined;
  const container = describeContainer(ref);
  return RESOURCES.flatMap(([key, messageId]): Violation<MessageId>[] => {
    // A missing request defaults to the limit, so a limit alone is enough.
    if (isSet(requests, key) || isSet(limits, key)) return [];
    const path = isRecord(requests)
      ? [...ref.path, 'resources', 'requests']
      : isRecord(resources)
        ? [...ref.path, 'resources']
        : ref.path;
    return [{ messageId, data: { container }, path }];
  });
}

export default defineControl({
  id: 'resource-requests',
  title: 'CPU or memory request not set',
  description:
    'Flags containers without a CPU or memory request (a limit counts, since the request then defaults to it). The scheduler places pods by their requests: without them nodes get overcommitted, pods are evicted first under pressure and noisy neighbours starve others.',
  severity: 'low',
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
  },
  remediation:
    'Set resources.requests.cpu and resources.requests.memory to what the container uses under normal load (measure it, for example with the Vertical Pod Autoscaler in recommendation mode).',
  check: (resource) => judgeContainers(resource, judge, ['containers', 'initContainers']),
});
