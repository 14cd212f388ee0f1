import { CubecapeError } from '../../core/errors.js';
import { isRecord } from '../../model/resource.js';
import { searchJmes } from './jmespath.js';
import { substituteAll, substituteString, type VariableData } from './variables.js';

/** Sets a dotted name (`request.operation`) inside a copy-on-write data object. */
export function setDotted(data: Record<string, unknown>, name: string, value: unknown): void {
  const parts = name.split('.');
  let target = data;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    const copy: Record<string, unknown> = isRecord(next) ? { ...next } : {};
    target[part] = copy;
    target = copy;
  }
  const last = parts[parts.length - 1];
  if (last !== undefined) target[last] = value;
}

/** Applies supplied values over the data; returns the names they cover. */
export function applyValues(
  data: Record<string, unknown>,
  values: readonly (Readonly<Record<string, unknown>> | undefined)[],
): Set<string> {
  const names = new Set<string>();
  for (const layer of values) {
    if (layer === undefined) continue;
    for (const [name, value] of Object.entries(layer)) {
      setDotted(data, name, value);
      names.add(name.split('.')[0] ?? name);
    }
  }
  return names;
}

const IMAGE = /^(?:([^/]+\.[^/]+|[^/]+:\d+|localhost)\/)?([^:@]+)(?::([^@]+))?(?:@(.+))?$/;

/** Splits an image reference the way Kyverno's `images` variable presents it. */
export function imageInfo(reference: string): Record<string, string> {
  const match = IMAGE.exec(reference);
  const registry = match?.[1] ?? 'docker.io';
  const path = match?.[2] ?? reference;
  const digest = match?.[4] ?? '';
  const tag = match?.[3] ?? (digest === '' ? 'latest' : '');
  const name = path.split('/').pop() ?? path;
  return { registry, path, name, tag, digest, reference };
}

/** `images.containers.<name>` etc. for a pod (or a workload's pod template). */
export function imagesOf(podSpec: unknown): Record<string, Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  if (!isRecord(podSpec)) return out;
  for (const field of ['containers', 'initContainers', 'ephemeralContainers']) {
    const list = podSpec[field];
    if (!Array.isArray(list)) continue;
    const byName: Record<string, Record<string, string>> = {};
    for (const container of list) {
      if (
        isRecord(container) &&
        typeof container.name === 'string' &&
        typeof container.image === 'string'
      ) {
        byName[container.name] = imageInfo(container.image);
      }
    }
    if (Object.keys(byName).length > 0) out[field] = byName;
  }
  return out;
}

/**
 * Loads a rule's (or foreach's) `context` entries into the data. Entries the supplied values
 * already cover are kept; entries that need a cluster (`configMap`, `apiCall`…) make the
 * evaluation stop with a reason.
 * @returns undefined when every entry loaded, else why it could not.
 */
export function loadContext(
  entries: unknown,
  data: Record<string, unknown>,
  supplied: ReadonlySet<string>,
): string | undefined {
  if (!Array.isArray(entries)) return undefined;
  for (const entry of entries) {
    if (!isRecord(entry) || typeof entry.name !== 'string') {
      throw new CubecapeError('CONTROL_ERROR', 'a context entry needs a name');
    }
    if (supplied.has(entry.name)) continue;
    if (isRecord(entry.variable)) {
      data[entry.name] = variableValue(entry.variable, data);
      continue;
    }
    const type = Object.keys(entry).find((key) => key !== 'name') ?? 'unknown';
    return `context entry ${entry.name} (${type}) needs cluster data; supply it as a value`;
  }
  return undefined;
}

function variableValue(variable: Readonly<Record<string, unknown>>, data: VariableData): unknown {
  let value: unknown = null;
  if (variable.value !== undefined) value = substituteAll(variable.value, data);
  if (typeof variable.jmesPath === 'string') {
    const expression = String(substituteString(variable.jmesPath, data));
    const root = variable.value !== undefined ? value : data;
    try {
      value = searchJmes(expression, root) ?? null;
    } catch (error) {
      if (variable.default === undefined) throw error;
      value = null;
    }
  }
  if ((value === null || value === undefined) && variable.default !== undefined) {
    value = substituteAll(variable.default, data);
  }
  return value ?? null;
}
