/**
 * Strategic merge patches for the built-in types: maps merge, `null` deletes, lists of named
 * things merge by their merge key, other lists are replaced, `$patch: replace|delete` directives.
 */
import { isRecord } from '../../model/resource.js';
import { clone, type Obj } from './node.js';

/** List fields whose items merge by a key, as the Kubernetes API types declare them. */
const MERGE_KEYS: Readonly<Record<string, readonly string[]>> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  imagePullSecrets: ['name'],
  hostAliases: ['ip'],
  // Container ports merge by containerPort, Service ports by port.
  ports: ['containerPort', 'port'],
  topologySpreadConstraints: ['topologyKey'],
  resourceClaims: ['name'],
  conditions: ['type'],
};

/** Primitive lists the API merges instead of replacing. */
const MERGED_PRIMITIVE_LISTS = new Set(['finalizers']);

function mergeKeyFor(field: string, items: readonly unknown[]): string | undefined {
  const candidates = MERGE_KEYS[field];
  if (candidates === undefined) return undefined;
  return candidates.find((key) => items.some((item) => isRecord(item) && key in item));
}

function sameKey(a: unknown, b: unknown, key: string): boolean {
  return isRecord(a) && isRecord(b) && a[key] !== undefined && a[key] === b[key];
}

function mergeList(field: string, base: unknown[], patch: unknown[]): unknown[] {
  const key = mergeKeyFor(field, [...patch, ...base]);
  if (key === undefined) {
    if (MERGED_PRIMITIVE_LISTS.has(field))
      return [...base, ...patch.filter((item) => !base.includes(item))];
    const replaced = patch.filter((item) => !(isRecord(item) && item['$patch'] === 'replace'));
    return replaced.map((item) => clone(item));
  }
  if (patch.some((item) => isRecord(item) && item['$patch'] === 'replace' && !(key in item)))
    return patch.filter((item) => !(isRecord(item) && item['$patch'] === 'replace'));
  // kyaml puts the patch's items first, in patch order, then the untouched items of the base.
  const result: unknown[] = [];
  const used = new Set<number>();
  for (const item of patch) {
    if (!isRecord(item)) continue;
    const index = base.findIndex((existing) => sameKey(existing, item, key));
    if (index !== -1) used.add(index);
    if (item['$patch'] === 'delete') continue;
    result.push(index === -1 ? stripDirectives(clone(item)) : mergeValue(field, base[index], item));
  }
  base.forEach((item, index) => {
    if (!used.has(index)) result.push(item);
  });
  return result;
}

function stripDirectives(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDirectives);
  if (!isRecord(value)) return value;
  const out: Obj = {};
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) continue;
    if (item === null) continue;
    out[key] = stripDirectives(item);
  }
  return out;
}

function mergeValue(field: string, base: unknown, patch: unknown): unknown {
  if (isRecord(patch)) {
    if (patch['$patch'] === 'replace') return stripDirectives(patch);
    return isRecord(base) ? mergeMaps(clone(base), patch) : stripDirectives(patch);
  }
  if (Array.isArray(patch))
    return Array.isArray(base) ? mergeList(field, base, patch) : stripDirectives(patch);
  return patch;
}

/** Merges `patch` into `base` in place and returns it. */
export function mergeMaps(base: Obj, patch: Obj): Obj {
  for (const [key, value] of Object.entries(patch)) {
    if (key === '$patch' || key.startsWith('$setElementOrder') || key === '$retainKeys') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const list = base[field];
      if (Array.isArray(list) && Array.isArray(value))
        base[field] = list.filter((item) => !value.includes(item));
      continue;
    }
    if (value === null) {
      Reflect.deleteProperty(base, key);
      continue;
    }
    if (isRecord(value) && value['$patch'] === 'delete') {
      Reflect.deleteProperty(base, key);
      continue;
    }
    base[key] = mergeValue(key, base[key], value);
  }
  return base;
}

/**
 * Applies a strategic merge patch to a resource. Returns undefined when the patch deletes the
 * resource (`$patch: delete` at the top).
 */
export function applyStrategicMerge(target: Obj, patch: Obj): Obj | undefined {
  if (patch['$patch'] === 'delete') return undefined;
  if (patch['$patch'] === 'replace') return stripDirectives(clone(patch)) as Obj;
  const body = clone(patch);
  // The patch's identity selects the target; kustomize keeps the target's identity.
  const metadata = body['metadata'];
  if (isRecord(metadata)) {
    delete metadata['name'];
    delete metadata['namespace'];
  }
  delete body['apiVersion'];
  delete body['kind'];
  return mergeMaps(target, body);
}
