import type { Document, Pair, ParsedNode, YAMLMap, YAMLSeq } from 'yaml';
import { toDotted, type JsonPath } from '../core/json-path.js';
import { yaml } from '../core/lazy-require.js';

export type ParsedMap = YAMLMap.Parsed;
export type ParsedSeq = YAMLSeq.Parsed;
export type ParsedPair = Pair<ParsedNode, ParsedNode | null>;

/** One step down the tree: the collection and the index of the entry (pair or item) in it. */
export type Step =
  | {
      readonly kind: 'pair';
      readonly map: ParsedMap;
      readonly index: number;
      readonly pair: ParsedPair;
    }
  | { readonly kind: 'item'; readonly seq: ParsedSeq; readonly index: number };

/** Where a path leads in a parsed document. */
export type Location =
  /** The node exists (`node` is null for `key:` with nothing after it). */
  | { readonly kind: 'found'; readonly steps: readonly Step[]; readonly node: ParsedNode | null }
  /**
   * The path stops at `missing`, which would have to be created under `parent`: an existing
   * mapping, or a `key:` whose value is empty or null (then `parent` is that pair).
   */
  | {
      readonly kind: 'missing';
      readonly steps: readonly Step[];
      readonly parent:
        { readonly map: ParsedMap } | { readonly nullPair: ParsedPair; readonly map: ParsedMap };
      readonly missing: readonly string[];
    }
  | { readonly kind: 'refused'; readonly reason: string };

/** The name of a mapping key as the ingest reads it, or undefined for keys that are not scalars. */
export function keyName(key: unknown): string | undefined {
  if (!yaml().isScalar(key)) return undefined;
  if (typeof key.value === 'symbol') return key.source ?? undefined;
  return String(key.value);
}

/** A YAML 1.1 merge key (`<<: *defaults`); the parser gives it a symbol for a value. */
export function isMergeKey(pair: ParsedPair): boolean {
  return yaml().isScalar(pair.key) && typeof pair.key.value === 'symbol';
}

/** Anchors that some alias in the document refers to: editing under them would edit the alias too. */
export function aliasedAnchors(doc: Document.Parsed): ReadonlySet<string> {
  const names = new Set<string>();
  yaml().visit(doc, {
    Alias(_key, node) {
      names.add(node.source);
    },
  });
  return names;
}

function isNullScalar(node: ParsedNode | null): boolean {
  return node === null || (yaml().isScalar(node) && node.value === null);
}

interface Walk {
  readonly path: JsonPath;
  readonly anchors: ReadonlySet<string>;
  /** Whether the patch sets a value (a missing key may then be added under a merge key). */
  readonly setting: boolean;
}

function sharedReason(node: ParsedNode | null, walk: Walk, depth: number): string | undefined {
  const at = toDotted(walk.path.slice(0, depth)) || 'the document';
  if (yaml().isAlias(node))
    return `${at} is an alias (*${node.source}); edit the anchored value by hand`;
  const anchor = node?.anchor;
  if (anchor !== undefined && walk.anchors.has(anchor)) {
    return `${at} is anchored (&${anchor}) and reused through an alias; an edit would change every use`;
  }
  return undefined;
}

function missingFrom(
  walk: Walk,
  depth: number,
  steps: readonly Step[],
  parent: { readonly map: ParsedMap } | { readonly nullPair: ParsedPair; readonly map: ParsedMap },
): Location {
  const missing = walk.path.slice(depth);
  if (!missing.every((segment): segment is string => typeof segment === 'string')) {
    return {
      kind: 'refused',
      reason: `${toDotted(walk.path)} would need a new list entry, which fixes never create`,
    };
  }
  return { kind: 'missing', steps, parent, missing };
}

function stepIntoMap(
  map: ParsedMap,
  segment: string | number,
  walk: Walk,
  depth: number,
): Extract<Step, { kind: 'pair' }> | Location {
  if (typeof segment !== 'string') {
    return {
      kind: 'refused',
      reason: `expected a list at ${toDotted(walk.path.slice(0, depth)) || 'the document'}, found a mapping`,
    };
  }
  const index = map.items.findIndex((pair) => keyName(pair.key) === segment);
  const pair = map.items[index];
  if (pair !== undefined) return { kind: 'pair', map, index, pair };
  const merged = map.items.some(isMergeKey);
  if (merged && !(walk.setting && depth === walk.path.length - 1)) {
    return {
      kind: 'refused',
      reason: `${toDotted(walk.path.slice(0, depth + 1))} may come from a merge key (<<); edit by hand`,
    };
  }
  return missingFrom(walk, depth, [], { map });
}

/**
 * Follows `path` through a parsed document. Refuses paths that run through an alias, into an
 * anchored node that an alias reuses, or through a key that a merge (`<<`) may provide: an edit
 * there would silently change other places too.
 */
export function locate(
  doc: Document.Parsed,
  path: JsonPath,
  options: { readonly setting: boolean; readonly anchors: ReadonlySet<string> },
): Location {
  const walk: Walk = { path, anchors: options.anchors, setting: options.setting };
  const steps: Step[] = [];
  let node: ParsedNode | null = doc.contents;
  for (let depth = 0; depth < path.length; depth += 1) {
    const segment = path[depth] ?? '';
    const shared = sharedReason(node, walk, depth);
    if (shared !== undefined) return { kind: 'refused', reason: shared };
    if (yaml().isMap(node)) {
      const step = stepIntoMap(node, segment, walk, depth);
      if (step.kind === 'missing') return { ...step, steps };
      if (step.kind === 'refused' || step.kind === 'found') return step;
      steps.push(step);
      node = step.pair.value;
    } else if (yaml().isSeq(node)) {
      const index = typeof segment === 'number' ? segment : -1;
      const item = node.items[index];
      if (item === undefined || yaml().isPair(item)) {
        return {
          kind: 'refused',
          reason: `${toDotted(path.slice(0, depth + 1))} is not an entry of the list`,
        };
      }
      steps.push({ kind: 'item', seq: node, index });
      node = item;
    } else {
      const last = steps.at(-1);
      if (isNullScalar(node) && last?.kind === 'pair') {
        return missingFrom(walk, depth, steps, { nullPair: last.pair, map: last.map });
      }
      const at = toDotted(path.slice(0, depth)) || 'the document';
      return { kind: 'refused', reason: `expected a mapping or list at ${at}, found a scalar` };
    }
  }
  const shared = sharedReason(node, walk, path.length);
  return shared === undefined
    ? { kind: 'found', steps, node }
    : { kind: 'refused', reason: shared };
}
