import type { JsonPath } from '../core/json-path.js';
import { describeContainer, type ContainerRef } from '../model/containers.js';
import { isRecord } from '../model/resource.js';
import { defineControl, type Violation } from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { judgeContainers } from './workload-scope.js';

type MessageId = 'missing-cpu-limit' | 'missing-memory-limit';

const LIMITS = [
  ['cpu', 'missing-cpu-limit'],
  ['memory', 'missing-memory-limit'],
] as const;

function isSet(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

function judge(ref: ContainerRef): Violation<MessageId>[] {
  const resources = ref.container['resources'];
  const limits = isRecord(resources) ? resources['limits'] : undefined;
  const resourcesPath: JsonPath = [...ref.path, 'resources'];
  // Report at the deepest node that exists: limits, resources, or the container itself.
  const parent: JsonPath = isRecord(limits)
    ? [...resourcesPath, 'limits']
    : resources === undefined || resources === null
      ? ref.path
      : limits === undefined || limits === null
        ? resourcesPath
        : [...resourcesPath, 'limits'];
  return LIMITS.flatMap(([name, messageId]): Violation<MessageId>[] => {
    if (isRecord(limits) && isSet(limits[name])) return [];
    return [{ messageId, data: { container: describeContainer(ref) }, path: parent }];
  });
}

export default defineControl({
  id: 'resource-limits',
  title: 'Missing CPU or memory limits',
  description:
    'Flags containers and init containers without a CPU limit or a memory limit, one finding per missing limit. Unbounded containers can starve their neighbours and the node, turning one compromised or buggy pod into a denial of service.',
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
  },
  remediation:
    'Set resources.limits.cpu and resources.limits.memory on every container, sized from observed usage; a namespace LimitRange can supply defaults for containers that omit them.',
  // Ephemeral containers may not declare resources, so they are not judged.
  check: (resource) => judgeContainers(resource, judge, ['containers', 'initContainers']),
});
