import type { Document, ParsedNode } from 'yaml';
import { yaml } from '../core/lazy-require.js';
import { isRecord } from '../model/resource.js';
import {
  nestUnder,
  renderBlockEntry,
  renderFlow,
  renderJsonMember,
  renderKey,
  renderScalar,
  type Flavor,
  type QuoteStyle,
} from './render-value.js';
import {
  dominantEol,
  eolAt,
  indentOf,
  insertLineAfter,
  lineEnd,
  lineStart,
  startsLine,
  trimEnd,
  type TextEdit,
} from './text-lines.js';
import type { Location, ParsedMap, ParsedPair, ParsedSeq, Step } from './yaml-locate.js';

/** The text of one YAML document and its parse. */
export interface EditContext {
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly flavor: Flavor;
  /** One indentation level of block mappings, from {@link blockUnit}. */
  readonly unit: string;
}

/**
 * Text edits for one patch, and the nodes they restructure: two patches that claim the same
 * node (or whose edits touch) cannot be computed from the same parse.
 */
export type EditPlan =
  | { readonly edits: readonly TextEdit[]; readonly claims: readonly object[] }
  | { readonly refused: string };

type Entry = ParsedPair | ParsedNode;

function refuse(reason: string): EditPlan {
  return { refused: reason };
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function quoteStyleOf(node: ParsedNode): QuoteStyle {
  if (!yaml().isScalar(node)) return 'plain';
  if (node.type === 'QUOTE_SINGLE') return 'single';
  return node.type === 'QUOTE_DOUBLE' ? 'double' : 'plain';
}

/** Offset just past the `:` that follows a mapping key. */
function afterColon(text: string, pair: ParsedPair): number | undefined {
  const at = text.indexOf(':', pair.key.range[1]);
  return at === -1 ? undefined : at + 1;
}

/** The offset just past an entry's last meaningful character (comments after it excluded). */
function entryEnd(text: string, entry: Entry): number {
  if ('key' in entry) return trimEnd(text, (entry.value ?? entry.key).range[1], entry.key.range[0]);
  return trimEnd(text, entry.range[1], entry.range[0]);
}

/** Where an entry starts: a pair at its key, a block sequence item at its `-`. */
function entryStart(text: string, entry: Entry, block: boolean): number | undefined {
  if ('key' in entry) return entry.key.range[0];
  if (!block) return entry.range[0];
  let at = entry.range[0] - 1;
  while (at >= 0 && (text.charAt(at) === ' ' || text.charAt(at) === '\t')) at -= 1;
  return text.charAt(at) === '-' ? at : undefined;
}

/** One indentation level of the document's block mappings; two spaces when nothing shows it. */
export function blockUnit(doc: Document.Parsed, text: string): string {
  let unit: string | undefined;
  yaml().visit(doc, {
    Pair(_key, pair) {
      const parentKey = pair.key;
      const child = pair.value;
      if (!yaml().isScalar(parentKey) || !yaml().isMap(child) || child.flow === true)
        return undefined;
      const first = child.items[0]?.key;
      const childStart = yaml().isScalar(first) ? first.range?.[0] : undefined;
      const parentStart = parentKey.range?.[0];
      if (childStart === undefined || parentStart === undefined) return undefined;
      const step = column(text, childStart) - column(text, parentStart);
      if (step <= 0 || !startsLine(text, parentStart)) return undefined;
      unit = ' '.repeat(step);
      return yaml().visit.BREAK;
    },
  });
  return unit ?? '  ';
}

/** Replaces an existing scalar (or flow collection) with `value`. */
function replaceNode(ctx: EditContext, node: ParsedNode, value: unknown): EditPlan {
  if (yaml().isCollection(node) && node.flow !== true) {
    return refuse('the current value is a block collection; replace it by hand');
  }
  if (yaml().isScalar(node) && node.tag !== undefined) {
    return refuse(`the current value has an explicit tag (${node.tag}); edit it by hand`);
  }
  const text = renderScalar(value, ctx.flavor, quoteStyleOf(node)) ?? renderFlow(value, ctx.flavor);
  if (text === undefined) return refuse('the value has no faithful YAML form');
  const [start, end] = node.range;
  // An empty value sits right after its `:`; `key:false` would be one plain scalar.
  const insert = start === end && ctx.text.charAt(start - 1) === ':' ? ` ${text}` : text;
  return { edits: [{ start, end, insert }], claims: [node] };
}

/** Fills `key:` (nothing after the colon) with a scalar or flow value. */
function fillEmpty(ctx: EditContext, pair: ParsedPair, value: unknown): EditPlan {
  const colon = afterColon(ctx.text, pair);
  const text = renderFlow(value, ctx.flavor);
  if (colon === undefined || text === undefined)
    return refuse('cannot place a value after this key');
  return { edits: [{ start: colon, end: colon, insert: ` ${text}` }], claims: [pair] };
}

/** Sets an existing node (the location was found) to `value`. */
export function setFound(
  ctx: EditContext,
  steps: readonly Step[],
  node: ParsedNode | null,
  value: unknown,
): EditPlan {
  if (node !== null) return replaceNode(ctx, node, value);
  const last = steps.at(-1);
  if (last?.kind !== 'pair') return refuse('an empty list entry cannot be set');
  return fillEmpty(ctx, last.pair, value);
}

function insertBlock(ctx: EditContext, map: ParsedMap, key: string, value: unknown): EditPlan {
  const first = map.items[0];
  const last = map.items.at(-1);
  if (first === undefined || last === undefined) return refuse('empty block mapping');
  const indent = ' '.repeat(column(ctx.text, first.key.range[0]));
  const end = entryEnd(ctx.text, last);
  const eol = eolAt(ctx.text, end, dominantEol(ctx.text));
  const line = renderBlockEntry(key, value, { indent, unit: ctx.unit, eol });
  if (line === undefined) return refuse('the value has no faithful YAML form');
  return { edits: [insertLineAfter(ctx.text, end, line, eol)], claims: [map] };
}

function insertFlow(ctx: EditContext, map: ParsedMap, key: string, value: unknown): EditPlan {
  const { text, flavor } = ctx;
  const open = map.range[0];
  const close = map.range[1] - 1;
  if (text.charAt(open) !== '{' || text.charAt(close) !== '}')
    return refuse('unexpected flow mapping layout');
  const inline = renderFlow(value, flavor);
  if (inline === undefined) return refuse('the value has no faithful form');
  const entry = `${renderKey(key, flavor)}: ${inline}`;
  const last = map.items.at(-1);
  if (last === undefined)
    return { edits: [{ start: open, end: close + 1, insert: `{${entry}}` }], claims: [map] };
  const lastKey = last.key.range[0];
  const lastEnd = entryEnd(text, last);
  const comma = text.slice(lastEnd, close).indexOf(',');
  const at = comma === -1 ? lastEnd : lastEnd + comma + 1;
  if (!text.slice(open, lastKey).includes('\n') || !startsLine(text, lastKey)) {
    return {
      edits: [{ start: at, end: at, insert: comma === -1 ? `, ${entry}` : ` ${entry},` }],
      claims: [map],
    };
  }
  const indent = indentOf(text, lastKey);
  const outer = indentOf(text, open);
  const unit =
    indent.startsWith(outer) && indent.length > outer.length ? indent.slice(outer.length) : '  ';
  const eol = eolAt(text, lastKey, dominantEol(text));
  const layout = { indent, unit, eol };
  const member = flavor === 'json' ? renderJsonMember(key, value, layout) : `${indent}${entry}`;
  if (member === undefined) return refuse('the value has no faithful form');
  return {
    edits: [{ start: at, end: at, insert: comma === -1 ? `,${eol}${member}` : `${eol}${member},` }],
    claims: [map],
  };
}

/** Creates the missing mappings of `missing` under a `key:` that is empty or null. */
function createUnderNull(
  ctx: EditContext,
  pair: ParsedPair,
  map: ParsedMap,
  missing: readonly string[],
  value: unknown,
): EditPlan {
  const nested = nestUnder(missing, value);
  const node = pair.value;
  if (map.flow === true || ctx.flavor === 'json') {
    return node === null
      ? refuse('a flow key without a value cannot be filled')
      : replaceNode(ctx, node, nested);
  }
  const colon = afterColon(ctx.text, pair);
  if (colon === undefined || !isRecord(nested))
    return refuse('cannot place a mapping after this key');
  const [key, child] = Object.entries(nested)[0] ?? [];
  if (key === undefined) return refuse('nothing to create');
  const edits: TextEdit[] = [];
  // `key: ~` or `key: null` loses its null; a comment after it stays.
  if (node !== null && node.range[1] > node.range[0])
    edits.push({ start: colon, end: node.range[1], insert: '' });
  const unit = ctx.unit;
  const indent = ' '.repeat(column(ctx.text, pair.key.range[0])) + unit;
  const eol = eolAt(ctx.text, colon, dominantEol(ctx.text));
  const line = renderBlockEntry(key, child, { indent, unit, eol });
  if (line === undefined) return refuse('the value has no faithful YAML form');
  edits.push(insertLineAfter(ctx.text, colon, line, eol));
  return { edits, claims: [pair, map] };
}

/** Adds what is missing (`missing` keys, then `value`) at a location that stops short. */
export function setMissing(
  ctx: EditContext,
  location: Extract<Location, { kind: 'missing' }>,
  value: unknown,
): EditPlan {
  const { parent, missing } = location;
  if ('nullPair' in parent)
    return createUnderNull(ctx, parent.nullPair, parent.map, missing, value);
  const [key, ...rest] = missing;
  if (key === undefined) return refuse('nothing to create');
  const nested = nestUnder(rest, value);
  const map = parent.map;
  return map.flow === true || ctx.flavor === 'json'
    ? insertFlow(ctx, map, key, nested)
    : insertBlock(ctx, map, key, nested);
}

/** Removes entry `index` of a flow collection, with the comma that separated it. */
function removeFlow(ctx: EditContext, collection: ParsedMap | ParsedSeq, index: number): EditPlan {
  const items: readonly Entry[] = collection.items;
  const entry = items[index];
  if (entry === undefined) return refuse('no such entry');
  if (items.length === 1) {
    const empty = yaml().isMap(collection) ? '{}' : '[]';
    return {
      edits: [{ start: collection.range[0], end: collection.range[1], insert: empty }],
      claims: [collection],
    };
  }
  const start = entryStart(ctx.text, entry, false);
  const next = items[index + 1];
  const previous = items[index - 1];
  if (start === undefined) return refuse('unexpected flow layout');
  if (next !== undefined) {
    const nextStart = entryStart(ctx.text, next, false);
    if (nextStart === undefined) return refuse('unexpected flow layout');
    return { edits: [{ start, end: nextStart, insert: '' }], claims: [collection] };
  }
  if (previous === undefined) return refuse('unexpected flow layout');
  const from = entryEnd(ctx.text, previous);
  return {
    edits: [{ start: from, end: entryEnd(ctx.text, entry), insert: '' }],
    claims: [collection],
  };
}

/** The lines `[start, end)` of a block entry, keeping the text's final-newline state. */
function entryLines(text: string, start: number, end: number): TextEdit {
  const from = lineStart(text, start);
  const to = lineEnd(text, end);
  if (to === text.length && !text.endsWith('\n') && from > 0) {
    const eolLength = text.charAt(from - 2) === '\r' ? 2 : 1;
    return { start: from - eolLength, end: to, insert: '' };
  }
  return { start: from, end: to, insert: '' };
}

/** Empties a block collection that is the value of a block mapping entry: `add:` + `- X` → `add: []`. */
function emptyBlock(
  ctx: EditContext,
  collection: ParsedMap | ParsedSeq,
  owner: Step | undefined,
): EditPlan {
  if (owner?.kind !== 'pair' || owner.map.flow === true) {
    return refuse('removing the only entry would leave an empty collection here; edit it by hand');
  }
  const colon = afterColon(ctx.text, owner.pair);
  const first = collection.items[0];
  if (colon === undefined || first === undefined) return refuse('unexpected layout');
  const start = entryStart(ctx.text, first, true);
  if (start === undefined || !startsLine(ctx.text, start)) return refuse('unexpected layout');
  const lines = entryLines(ctx.text, start, trimEnd(ctx.text, collection.range[1], start));
  const empty = yaml().isMap(collection) ? ' {}' : ' []';
  return {
    edits: [{ start: colon, end: colon, insert: empty }, lines],
    claims: [collection, owner.map],
  };
}

function removeBlock(
  ctx: EditContext,
  collection: ParsedMap | ParsedSeq,
  index: number,
  owner: Step | undefined,
): EditPlan {
  const items: readonly Entry[] = collection.items;
  const entry = items[index];
  if (entry === undefined) return refuse('no such entry');
  if (items.length === 1) return emptyBlock(ctx, collection, owner);
  const start = entryStart(ctx.text, entry, yaml().isSeq(collection));
  if (start === undefined) return refuse('unexpected block layout');
  if (startsLine(ctx.text, start)) {
    return {
      edits: [entryLines(ctx.text, start, entryEnd(ctx.text, entry))],
      claims: [collection],
    };
  }
  // The first key of a `- key: value` item: pull the next key up behind the dash.
  const next = items[index + 1];
  if (index !== 0 || next === undefined || !('key' in next))
    return refuse('unexpected block layout');
  return { edits: [{ start, end: next.key.range[0], insert: '' }], claims: [collection] };
}

/** Removes the entry the last step of a found location points at. */
export function removeFound(ctx: EditContext, steps: readonly Step[]): EditPlan {
  const last = steps.at(-1);
  if (last === undefined) return refuse('the whole document cannot be removed');
  const collection = last.kind === 'pair' ? last.map : last.seq;
  if (collection.flow === true || ctx.flavor === 'json')
    return removeFlow(ctx, collection, last.index);
  return removeBlock(ctx, collection, last.index, steps.at(-2));
}
