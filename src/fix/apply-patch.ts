import type { JsonPath } from '../core/json-path.js';
import type { FixPatch } from '../controls/define.js';
import { isRecord } from '../model/resource.js';

type Container = Record<string, unknown> | unknown[];

function childOf(container: Container, segment: string | number): unknown {
  if (Array.isArray(container)) return typeof segment === 'number' ? container[segment] : undefined;
  return typeof segment === 'string' && Object.hasOwn(container, segment)
    ? container[segment]
    : undefined;
}

/** Follows `path` to the container of its last segment, creating missing mappings when asked. */
function parentOf(root: Container, path: JsonPath, create: boolean): Container | undefined {
  let current: Container = root;
  for (const segment of path.slice(0, -1)) {
    let next = childOf(current, segment);
    if (
      (next === undefined || next === null) &&
      create &&
      !Array.isArray(current) &&
      typeof segment === 'string'
    ) {
      next = {};
      current[segment] = next;
    }
    if (!isRecord(next) && !Array.isArray(next)) return undefined;
    current = next;
  }
  return current;
}

/**
 * Applies a patch to a parsed object in place, with the meaning the YAML edits give it: `set`
 * creates missing (or null) parent mappings, `remove` deletes a key or splices a list entry and
 * does nothing when the node is already gone. Returns false when the path cannot be followed.
 */
export function applyPatchToValue(root: Record<string, unknown>, patch: FixPatch): boolean {
  const last = patch.path.at(-1);
  if (last === undefined) return false;
  const parent = parentOf(root, patch.path, patch.op === 'set');
  if (parent === undefined) return patch.op === 'remove';
  if (Array.isArray(parent)) {
    if (typeof last !== 'number' || last < 0 || last >= parent.length) return patch.op === 'remove';
    if (patch.op === 'set') parent[last] = patch.value;
    else parent.splice(last, 1);
    return true;
  }
  if (typeof last !== 'string') return false;
  if (patch.op === 'set') parent[last] = patch.value;
  else Reflect.deleteProperty(parent, last);
  return true;
}

/** Orders paths so that, among removals, later list entries go first and indexes stay valid. */
export function comparePathsDescending(a: JsonPath, b: JsonPath): number {
  const length = Math.min(a.length, b.length);
  for (let at = 0; at < length; at += 1) {
    const left = a[at];
    const right = b[at];
    if (left === right) continue;
    if (typeof left === 'number' && typeof right === 'number') return right - left;
    return String(right) < String(left) ? -1 : 1;
  }
  return b.length - a.length;
}
