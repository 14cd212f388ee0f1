import type { JsonPath } from '../core/json-path.js';
import { yaml } from '../core/lazy-require.js';
import type { Resource } from '../model/resource.js';
import { isRecord } from '../model/resource.js';
import type { CheckResult } from './define.js';

/** A field of a Node's status.nodeInfo, as the kubelet reports it. */
export interface NodeInfoField {
  readonly value: string;
  readonly path: JsonPath;
}

/** Reads status.nodeInfo.`field` of a Node; undefined when absent or not a string. */
export function nodeInfoField(resource: Resource, field: string): NodeInfoField | undefined {
  const status = resource.object['status'];
  const info = isRecord(status) ? status['nodeInfo'] : undefined;
  const value = isRecord(info) ? info[field] : undefined;
  return typeof value === 'string' && value.trim() !== ''
    ? { value: value.trim(), path: ['status', 'nodeInfo', field] }
    : undefined;
}

/** Runs `judge` on a nodeInfo field, or skips when the Node does not report it. */
export function judgeNodeInfo<M extends string>(
  resource: Resource,
  field: string,
  judge: (found: NodeInfoField) => CheckResult<M>,
): CheckResult<M> {
  const found = nodeInfoField(resource, field);
  if (found === undefined)
    return { skipped: `the Node reports no status.nodeInfo.${field} (a live cluster scan has it)` };
  return judge(found);
}

/** What a kubelet on a current Ubuntu node reports; examples change the field they are about. */
const EXAMPLE_NODE_INFO: Readonly<Record<string, string>> = {
  architecture: 'amd64',
  containerRuntimeVersion: 'containerd://2.1.4',
  kernelVersion: '6.8.0-1031-aws',
  kubeletVersion: 'v1.36.3',
  operatingSystem: 'linux',
  osImage: 'Ubuntu 24.04.3 LTS',
};

/** A Node as a live scan reads it, with `nodeInfo` overriding fields of a typical status. */
export function nodeManifest(nodeInfo: Readonly<Record<string, string>>): string {
  return yaml().stringify({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker-1', labels: { 'kubernetes.io/hostname': 'worker-1' } },
    status: { nodeInfo: { ...EXAMPLE_NODE_INFO, ...nodeInfo } },
  });
}
