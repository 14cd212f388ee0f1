/**
 * Helm's value handling: merging user values over chart defaults (`coalesce`), subchart values
 * under their names, `global` flowing down, dependencies switched off by conditions and tags, and
 * `import-values` pulling child values up.
 */
import { isRecord } from '../../../model/resource.js';
import type { Chart } from './types.js';

type Values = Record<string, unknown>;

/** A chart placed in the tree: `name` is the alias when one is set; `path` is Helm's full path. */
export interface ChartNode {
  readonly chart: Chart;
  readonly name: string;
  readonly path: string;
  /** Defaults after `import-values`. */
  readonly values: Values;
  readonly dependencies: readonly ChartNode[];
}

function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Values from `src` fill gaps in `dst` (mutated); `dst` wins; a null in `dst` removes the key. */
export function coalesceTables(dst: Values, src: Values): Values {
  for (const [key, value] of Object.entries(src)) {
    const has = Object.hasOwn(dst, key);
    const current = dst[key];
    if (has && current === null) Reflect.deleteProperty(dst, key);
    else if (!has) dst[key] = copy(value);
    else if (isRecord(value) && isRecord(current)) coalesceTables(current, value);
  }
  return dst;
}

/** Deep merge where `src` wins (Helm's `mergeMaps`, used to combine `--values` files). */
export function mergeValues(dst: Values, src: Values): Values {
  for (const [key, value] of Object.entries(src)) {
    const current = dst[key];
    if (isRecord(value) && isRecord(current)) mergeValues(current, value);
    else dst[key] = copy(value);
  }
  return dst;
}

/** Parent globals override the subchart's own, table by table. */
function coalesceGlobals(dest: Values, parent: Values): void {
  const parentGlobal = isRecord(parent['global']) ? parent['global'] : {};
  const own = isRecord(dest['global']) ? dest['global'] : {};
  for (const [key, value] of Object.entries(parentGlobal)) {
    const mine = own[key];
    if (isRecord(value))
      own[key] = isRecord(mine) ? coalesceTables(copy(value), mine) : copy(value);
    else if (!isRecord(mine)) own[key] = value;
  }
  dest['global'] = own;
}

/** User `values` (mutated) merged with the defaults of `node` and its dependencies. */
export function coalesceNode(node: ChartNode, values: Values): Values {
  for (const [key, value] of Object.entries(node.values)) {
    if (!Object.hasOwn(values, key)) values[key] = copy(value);
    else if (values[key] === null) Reflect.deleteProperty(values, key);
    else {
      const mine = values[key];
      if (isRecord(mine) && isRecord(value)) coalesceTables(mine, value);
    }
  }
  for (const dependency of node.dependencies) {
    const current = values[dependency.name];
    const sub: Values = isRecord(current) ? current : {};
    coalesceGlobals(sub, values);
    values[dependency.name] = coalesceNode(dependency, sub);
  }
  return values;
}

/** `a.b.c` in `values`, or undefined. */
export function pathValue(values: Values, path: string): unknown {
  let current: unknown = values;
  for (const part of path.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

function setPath(values: Values, path: string, value: unknown): void {
  const parts = path.split('.').filter((part) => part !== '');
  let current = values;
  for (const part of parts.slice(0, -1)) {
    const next = current[part];
    current = isRecord(next) ? next : (current[part] = {});
  }
  const last = parts.at(-1);
  if (last === undefined) {
    if (isRecord(value)) coalesceTables(values, value);
  } else current[last] = value;
}

/** Builds the tree with every declared or bundled dependency, aliases applied. */
export function chartTree(chart: Chart, name: string, path: string): ChartNode {
  const nodes: ChartNode[] = [];
  const declared = chart.metadata.dependencies;
  for (const sub of chart.dependencies) {
    const requests = declared.filter((request) => request.name === sub.metadata.name);
    if (requests.length === 0)
      nodes.push(chartTree(sub, sub.metadata.name, `${path}/charts/${sub.metadata.name}`));
    for (const request of requests) {
      const alias = request.alias === '' ? sub.metadata.name : request.alias;
      nodes.push(chartTree(sub, alias, `${path}/charts/${alias}`));
    }
  }
  return { chart, name, path, values: chart.values, dependencies: nodes };
}

function enabledBy(chart: Chart, name: string, cvals: Values, prefix: string): boolean {
  const request = chart.metadata.dependencies.find(
    (entry) => (entry.alias === '' ? entry.name : entry.alias) === name,
  );
  if (request === undefined) return true;
  let enabled = true;
  const tags = cvals['tags'];
  if (isRecord(tags) && request.tags.length > 0) {
    const states = request.tags.map((tag) => tags[tag]);
    const anyTrue = states.includes(true);
    enabled = anyTrue || !states.includes(false);
  }
  for (const condition of request.condition.split(',').map((part) => part.trim())) {
    if (condition === '') continue;
    const value = pathValue(cvals, prefix + condition);
    if (typeof value === 'boolean') return value;
  }
  return enabled;
}

/** Imports requested by a dependency, as values for its parent (lower priority than the parent's). */
function importedValues(chart: Chart, child: ChartNode, childValues: Values): Values {
  const out: Values = {};
  const request = chart.metadata.dependencies.find(
    (entry) => (entry.alias === '' ? entry.name : entry.alias) === child.name,
  );
  for (const entry of request?.importValues ?? []) {
    if (typeof entry === 'string') {
      const exported = pathValue(childValues, `exports.${entry}`);
      if (isRecord(exported)) coalesceTables(out, copy(exported));
    } else if (
      isRecord(entry) &&
      typeof entry['child'] === 'string' &&
      typeof entry['parent'] === 'string'
    ) {
      const value = pathValue(childValues, entry['child']);
      if (value !== undefined) setPath(out, entry['parent'], copy(value));
    }
  }
  return out;
}

/**
 * Drops dependencies switched off by conditions (first boolean found wins) or tags, then applies
 * `import-values`. `cvals` are the root's coalesced values and `prefix` this node's path in them.
 */
export function resolveDependencies(node: ChartNode, cvals: Values, prefix = ''): ChartNode {
  const kept = node.dependencies
    .filter((dependency) => enabledBy(node.chart, dependency.name, cvals, prefix))
    .map((dependency) => resolveDependencies(dependency, cvals, `${prefix}${dependency.name}.`));
  let values = node.values;
  for (const dependency of kept) {
    const childValues = pathValue(cvals, prefix + dependency.name);
    const imported = importedValues(
      node.chart,
      dependency,
      isRecord(childValues) ? childValues : {},
    );
    if (Object.keys(imported).length > 0) values = coalesceTables(copy(values), imported);
  }
  return { ...node, values, dependencies: kept };
}
