/** Go's predefined template functions other than the comparisons. */
import { ExecFailure } from './arg-types.js';
import { comparisonFunctions } from './compare.js';
import { fn, type FunctionMap, str } from './functions.js';
import { sprint, sprintf, sprintln } from './go-fmt.js';
import { goTypeName, isGoMap, isTrue, mapGet, mapHas, type GoValue } from './values.js';

/** Length in Go terms: UTF-8 bytes for strings. */
export function goLen(value: GoValue): bigint {
  if (typeof value === 'string') return BigInt(Buffer.byteLength(value, 'utf8'));
  if (Array.isArray(value)) return BigInt(value.length);
  if (isGoMap(value)) return BigInt(Object.keys(value).length);
  if (value === undefined || value === null) throw new Error('len of nil pointer');
  throw new Error(`len of type ${goTypeName(value)}`);
}

function indexOne(item: GoValue, key: GoValue): GoValue {
  if (item === undefined || item === null) throw new Error('index of untyped nil');
  if (Array.isArray(item) || typeof item === 'string') {
    if (typeof key !== 'bigint') {
      throw new Error(`cannot index slice/array with type ${goTypeName(key)}`);
    }
    const len = typeof item === 'string' ? Buffer.byteLength(item) : item.length;
    if (key < 0n || key >= BigInt(len)) throw new Error(`index out of range: ${String(key)}`);
    if (typeof item === 'string') return BigInt(Buffer.from(item, 'utf8')[Number(key)] ?? 0);
    return item[Number(key)];
  }
  if (isGoMap(item)) {
    if (key === undefined || key === null)
      throw new Error('value is nil; should be of type string');
    if (typeof key !== 'string')
      throw new Error(`value has type ${goTypeName(key)}; should be string`);
    return mapHas(item, key) ? mapGet(item, key) : null;
  }
  throw new Error(`can't index item of type ${goTypeName(item)}`);
}

function toIndex(value: GoValue): number {
  if (typeof value !== 'bigint')
    throw new Error(`cannot index slice/array with type ${goTypeName(value)}`);
  return Number(value);
}

function builtinSlice(args: GoValue[]): GoValue {
  const [item, ...idx] = args;
  if (item === undefined || item === null) throw new Error('slice of untyped nil');
  if (idx.length > 3) throw new Error(`too many slice indexes: ${String(idx.length)}`);
  if (!Array.isArray(item) && typeof item !== 'string')
    throw new Error(`can't slice item of type ${goTypeName(item)}`);
  const len = typeof item === 'string' ? Buffer.byteLength(item) : item.length;
  const bounds = idx.map(toIndex);
  const lo = bounds[0] ?? 0;
  const hi = bounds[1] ?? len;
  if (lo < 0 || hi < lo || hi > len)
    throw new Error(`index out of range: ${String(hi < lo ? lo : hi)}`);
  if (typeof item === 'string') return Buffer.from(item, 'utf8').subarray(lo, hi).toString('utf8');
  return item.slice(lo, hi);
}

function escapeArgs(args: GoValue[]): string {
  const [only] = args;
  if (args.length === 1 && typeof only === 'string') return only;
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

const HTML_ESCAPES: Record<string, string> = {
  '"': '&#34;',
  "'": '&#39;',
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\0': '\uFFFD',
};

function jsEscape(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\' || ch === "'" || ch === '"') out += `\\${ch}`;
    else if ('<>&='.includes(ch) || cp < 0x20)
      out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

/** url.QueryEscape: spaces become `+`, unreserved characters stay. */
export function queryEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The builtins of text/template (without and/or, which the evaluator handles lazily). */
export const builtinFunctions: FunctionMap = {
  ...comparisonFunctions,
  and: fn(['any'], (args) => args[args.length - 1], 'any'),
  or: fn(['any'], (args) => args[args.length - 1], 'any'),
  not: fn(['any'], ([v]) => !isTrue(v)),
  len: fn(['any'], ([v]) => goLen(v)),
  index: fn(['any'], ([item, ...keys]) => keys.reduce<GoValue>(indexOne, item), 'any'),
  slice: fn(['any'], builtinSlice, 'any'),
  print: fn([], (args) => sprint(args), 'any'),
  printf: fn(['string'], ([format, ...args]) => sprintf(str(format), args), 'any'),
  println: fn([], (args) => sprintln(args), 'any'),
  html: fn(
    [],
    (args) => escapeArgs(args).replace(/["'&<>\0]/g, (c) => HTML_ESCAPES[c] ?? c),
    'any',
  ),
  js: fn([], (args) => jsEscape(escapeArgs(args)), 'any'),
  urlquery: fn([], (args) => queryEscape(escapeArgs(args)), 'any'),
  call: fn(
    ['any'],
    ([f, ...args]) => {
      if (typeof f !== 'function') throw new ExecFailure(`non-function of type ${goTypeName(f)}`);
      return f(...args);
    },
    'any',
  ),
};
