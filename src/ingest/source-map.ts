import type { JsonPath } from '../core/json-path.js';
import type { Position, SourceMap } from '../model/resource.js';
import {
  keyNameAt,
  TAPE_BLOCK_MAP,
  TAPE_FLOW_MAP,
  TAPE_SCALAR,
  TAPE_SEQUENCE,
} from './fast-yaml.js';

/**
 * What the parser listener records for one document: per node, in the order the parser opened
 * them, its nesting depth, its offset at open time and the value it produced. Lines and lookup
 * structures are derived only when a position is asked for.
 */
export interface NodeRecord {
  readonly depth: number[];
  readonly offset: number[];
  readonly value: unknown[];
}

/** Where a document's text sits in its file, to turn node offsets into file positions. */
export interface DocumentText {
  readonly text: string;
  /** 0-based file line of `text`'s first line. */
  readonly startLine: number;
}

type Located = { readonly position: Position; readonly exact: boolean } | undefined;

/** The source map of a parsed document, which can narrow itself to a subtree (List items). */
export interface DocumentSourceMap extends SourceMap {
  child(prefix: JsonPath): DocumentSourceMap;
}

/** A key node and the value node that follows it in a mapping. */
interface Pair {
  readonly key: number;
  readonly value: number | undefined;
}

/** Offsets at which each line of `text` starts. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The 1-based file position of `offset` in `doc`, given its line starts. */
export function positionAt(doc: DocumentText, offset: number, starts: readonly number[]): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: doc.startLine + low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** Keys the way js-yaml turns key values into property names. */
function keyName(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    return '[object Object]';
  return String(value);
}

/** Lazily built navigation over a {@link NodeRecord}. */
export class NodeIndex {
  private readonly record: NodeRecord;
  private readonly doc: DocumentText;
  private subtreeEnd: Int32Array | undefined;
  private readonly pairs = new Map<number, Map<string, Pair>>();
  private readonly items = new Map<number, (number | undefined)[]>();
  private definitions: Map<unknown, number> | undefined;
  private lineStarts: number[] | undefined;

  constructor(record: NodeRecord, doc: DocumentText) {
    this.record = record;
    this.doc = doc;
  }

  get size(): number {
    return this.record.depth.length;
  }

  /** File position (1-based) of node `node`. */
  positionOf(node: number): Position {
    return positionAt(
      this.doc,
      this.record.offset[node] ?? 0,
      (this.lineStarts ??= lineStartsOf(this.doc.text)),
    );
  }

  /** Follows the node for `path` from `root`; returns the deepest node reached. */
  locate(root: number, path: JsonPath): { node: number; exact: boolean; viaKey: boolean } {
    let node = this.resolve(root);
    let anchor = node;
    let viaKey = false;
    for (const segment of path) {
      const step = this.child(node, segment);
      if (step === undefined) return { node: anchor, exact: false, viaKey };
      viaKey = step.viaKey;
      anchor = step.anchor;
      node = this.resolve(step.node);
    }
    return { node: anchor, exact: true, viaKey };
  }

  private child(
    node: number,
    segment: string | number,
  ): { node: number; anchor: number; viaKey: boolean } | undefined {
    const value = this.record.value[node];
    if (Array.isArray(value)) {
      if (typeof segment !== 'number') return undefined;
      const item = this.itemsOf(node)[segment];
      return item === undefined ? undefined : { node: item, anchor: item, viaKey: false };
    }
    if (value === null || typeof value !== 'object' || typeof segment !== 'string')
      return undefined;
    const pair = this.pairOf(node, segment, 0);
    if (pair === undefined) return undefined;
    return { node: pair.value ?? pair.key, anchor: pair.key, viaKey: true };
  }

  /** A key's pair in a mapping, looking into `<<` merge sources when the key is not local. */
  private pairOf(node: number, key: string, hops: number): Pair | undefined {
    const pairs = this.pairsOf(node);
    const own = pairs.get(key);
    if (own !== undefined || hops > 8) return own;
    const merge = pairs.get('<<');
    const sources = merge?.value === undefined ? undefined : this.record.value[merge.value];
    for (const source of Array.isArray(sources) ? sources : [sources]) {
      if (source === null || typeof source !== 'object') continue;
      const definition = this.definitionOf(source);
      if (definition === undefined) continue;
      const found = this.pairOf(this.resolve(definition), key, hops + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Skips wrapper nodes (a node whose only child produced the same value) and aliases. */
  private resolve(node: number): number {
    let current = node;
    // Each hop moves into a child or back to an anchor defined earlier; the bound is a backstop.
    for (let hops = 0; hops < 256; hops += 1) {
      const value = this.record.value[current];
      if (value === null || typeof value !== 'object') return current;
      const children = this.childrenOf(current);
      const only = children.length === 1 ? children[0] : undefined;
      if (only !== undefined && this.record.value[only] === value) {
        current = only;
        continue;
      }
      if (children.length > 0) return current;
      // No children: an alias, or an empty collection (possibly inside a wrapper of itself).
      const definition = this.definitionOf(value);
      if (definition === undefined || this.contains(definition, current)) return current;
      current = definition;
    }
    return current;
  }

  private contains(ancestor: number, node: number): boolean {
    const ends = (this.subtreeEnd ??= this.buildSubtreeEnds());
    return ancestor <= node && node < (ends[ancestor] ?? ancestor + 1);
  }

  private childrenOf(node: number): number[] {
    const ends = (this.subtreeEnd ??= this.buildSubtreeEnds());
    const out: number[] = [];
    const end = ends[node] ?? node + 1;
    for (let child = node + 1; child < end; child = ends[child] ?? end) out.push(child);
    return out;
  }

  private buildSubtreeEnds(): Int32Array {
    const { depth } = this.record;
    const ends = new Int32Array(depth.length);
    const open: number[] = [];
    for (let node = 0; node < depth.length; node += 1) {
      const level = depth[node] ?? 0;
      for (
        let top = open.at(-1);
        top !== undefined && (depth[top] ?? 0) >= level;
        top = open.at(-1)
      ) {
        ends[top] = node;
        open.pop();
      }
      open.push(node);
    }
    for (const node of open) ends[node] = depth.length;
    return ends;
  }

  /** A value node is one whose text follows a `:` on the same line. */
  private isValueNode(node: number): boolean {
    const { text } = this.doc;
    let at = (this.record.offset[node] ?? 0) - 1;
    while (at >= 0 && (text.charCodeAt(at) === 0x20 || text.charCodeAt(at) === 0x09)) at -= 1;
    return text.charCodeAt(at) === 0x3a;
  }

  private pairsOf(node: number): Map<string, Pair> {
    const cached = this.pairs.get(node);
    if (cached !== undefined) return cached;
    const pairs = new Map<string, Pair>();
    let key: number | undefined;
    for (const child of this.childrenOf(node)) {
      if (key !== undefined && this.isValueNode(child)) {
        pairs.set(keyName(this.record.value[key]), { key, value: child });
        key = undefined;
      } else {
        if (key !== undefined)
          pairs.set(keyName(this.record.value[key]), { key, value: undefined });
        key = child;
      }
    }
    if (key !== undefined) pairs.set(keyName(this.record.value[key]), { key, value: undefined });
    this.pairs.set(node, pairs);
    return pairs;
  }

  /** Sequence items to nodes; items the parser made without a node (empty entries) stay unmapped. */
  private itemsOf(node: number): (number | undefined)[] {
    const cached = this.items.get(node);
    if (cached !== undefined) return cached;
    const value = this.record.value[node];
    const array: readonly unknown[] = Array.isArray(value) ? value : [];
    const children = this.childrenOf(node).filter((child) => !this.isValueNode(child));
    const out: (number | undefined)[] = [];
    if (children.length === array.length) {
      out.push(...children);
    } else {
      let next = 0;
      for (const item of array) {
        const child = children[next];
        const matches = child !== undefined && Object.is(this.record.value[child], item);
        out.push(matches ? child : undefined);
        if (matches) next += 1;
      }
    }
    this.items.set(node, out);
    return out;
  }

  /** First node that produced `value`: the anchor's definition when `value` is aliased. */
  private definitionOf(value: unknown): number | undefined {
    if (this.definitions === undefined) {
      this.definitions = new Map();
      const values = this.record.value;
      for (let node = 0; node < values.length; node += 1) {
        const produced = values[node];
        if (produced !== null && typeof produced === 'object' && !this.definitions.has(produced)) {
          this.definitions.set(produced, node);
        }
      }
    }
    return this.definitions.get(value);
  }
}

/**
 * A {@link SourceMap} over one node of a recorded document (the document root, or a List item).
 * Mapping values are located at their key (`securityContext:` is the line a user edits),
 * sequence items at the item.
 */
export class RecordedSourceMap implements DocumentSourceMap {
  private readonly index: () => NodeIndex | undefined;
  private readonly root: number;
  private readonly prefix: JsonPath;

  constructor(index: () => NodeIndex | undefined, root = 0, prefix: JsonPath = []) {
    this.index = index;
    this.root = root;
    this.prefix = prefix;
  }

  locate(path: JsonPath): Located {
    const index = this.index();
    if (index === undefined || index.size <= this.root) return undefined;
    const found = index.locate(
      this.root,
      this.prefix.length === 0 ? path : this.prefix.concat(path),
    );
    return { position: index.positionOf(found.node), exact: found.exact };
  }

  /** A map for the subtree at `prefix` (List items), sharing this document's index. */
  child(prefix: JsonPath): RecordedSourceMap {
    return new RecordedSourceMap(this.index, this.root, this.prefix.concat(prefix));
  }
}

/**
 * Navigation over the tape written by the fast reader (fast-yaml.ts). It answers exactly as a
 * {@link NodeIndex} over the same document would: mapping values at their key, sequence items at
 * their first character, the root where the content starts. Key names are read back from the
 * text, and line starts are computed, only when a position is first asked for.
 */
export class TapeIndex {
  private readonly doc: DocumentText;
  private readonly tape: Int32Array;
  private readonly root: number;
  private keys: Map<number, Map<string, number>> | undefined;
  private items: Map<number, readonly number[]> | undefined;
  private lineStarts: number[] | undefined;

  constructor(doc: DocumentText, tape: Int32Array, root: number) {
    this.doc = doc;
    this.tape = tape;
    this.root = root;
  }

  /** File position (1-based) of a document offset. */
  positionOf(offset: number): Position {
    return positionAt(this.doc, offset, (this.lineStarts ??= lineStartsOf(this.doc.text)));
  }

  /** Offset of the deepest node on `path` that exists, and whether that is all of it. */
  locate(path: JsonPath): { offset: number; exact: boolean } {
    let node = 0;
    let anchor = this.root;
    for (const segment of path) {
      const entry = this.entryOf(node, segment);
      if (entry === undefined) return { offset: anchor, exact: false };
      anchor = this.tape[entry] ?? anchor;
      node = entry + 1;
    }
    return { offset: anchor, exact: true };
  }

  /** Tape index of the entry for `segment` in the collection at `node`. */
  private entryOf(node: number, segment: string | number): number | undefined {
    const kind = this.tape[node];
    if (kind === TAPE_SEQUENCE) {
      if (typeof segment !== 'number') return undefined;
      return this.itemsOf(node)[segment];
    }
    if (kind !== TAPE_BLOCK_MAP && kind !== TAPE_FLOW_MAP) return undefined;
    if (typeof segment !== 'string') return undefined;
    return this.keysOf(node, kind === TAPE_FLOW_MAP).get(segment);
  }

  /**
   * Tape indexes of a sequence's items, found once per sequence: walking the tape to item `i`
   * on every lookup would make locating findings in a long `List` quadratic.
   */
  private itemsOf(node: number): readonly number[] {
    this.items ??= new Map();
    const cached = this.items.get(node);
    if (cached !== undefined) return cached;
    const items: number[] = [];
    const end = this.tape[node + 1] ?? 0;
    for (let entry = node + 2; entry < end; entry = this.after(entry + 1)) items.push(entry);
    this.items.set(node, items);
    return items;
  }

  private keysOf(node: number, flow: boolean): Map<string, number> {
    this.keys ??= new Map();
    const cached = this.keys.get(node);
    if (cached !== undefined) return cached;
    const keys = new Map<string, number>();
    const end = this.tape[node + 1] ?? 0;
    for (let entry = node + 2; entry < end; entry = this.after(entry + 1)) {
      keys.set(keyNameAt(this.doc.text, this.tape[entry] ?? 0, flow), entry);
    }
    this.keys.set(node, keys);
    return keys;
  }

  /** Tape index just past the node at `node`. */
  private after(node: number): number {
    return this.tape[node] === TAPE_SCALAR ? node + 1 : (this.tape[node + 1] ?? node + 1);
  }
}

/** A {@link DocumentSourceMap} over a {@link TapeIndex}, for the document or a subtree of it. */
export class TapeSourceMap implements DocumentSourceMap {
  private readonly index: TapeIndex;
  private readonly prefix: JsonPath;

  constructor(index: TapeIndex, prefix: JsonPath = []) {
    this.index = index;
    this.prefix = prefix;
  }

  locate(path: JsonPath): Located {
    const found = this.index.locate(this.prefix.length === 0 ? path : this.prefix.concat(path));
    return { position: this.index.positionOf(found.offset), exact: found.exact };
  }

  child(prefix: JsonPath): TapeSourceMap {
    return new TapeSourceMap(this.index, this.prefix.concat(prefix));
  }
}
