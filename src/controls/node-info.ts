import type { JsonPath } from '../core/json-path.js';
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
