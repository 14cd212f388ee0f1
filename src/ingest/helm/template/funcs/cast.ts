/**
 * Conversions sprig performs on loosely typed arguments (via spf13/cast and its own helpers):
 * to int64, to float64, to string, to a string list; plus sprig's notion of "empty".
 */
import { sprintOne } from '../go-fmt.js';
import { GoObject, floatToInt, isGoMap, toInt64, type GoValue } from '../values.js';

/** Go's strconv.ParseInt(text, 0, 64) after cast's trimming of a `.0…` suffix. */
function parseIntBase0(text: string): bigint | undefined {
  const trimmed = text.replace(/\.0*$/, '');
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(
    trimmed,
  );
  if (m === null) return undefined;
  let body = m[2] ?? '';
  if (body.includes('_') && !/^0[xXoObB]?/.test(body)) return undefined;
  body = body.replace(/_/g, '');
  const magnitude = /^0[xXoObB]/.test(body)
    ? BigInt(body.toLowerCase())
    : body.length > 1 && body.startsWith('0')
      ? BigInt(`0o${body.slice(1)}`)
      : BigInt(body);
  const value = m[1] === '-' ? -magnitude : magnitude;
  return BigInt.asIntN(64, value) === value ? value : undefined;
}

/** cast.ToInt64: numbers truncate, strings parse (base prefixes allowed), failures give 0. */
export function castToInt64(value: GoValue): bigint {
  switch (typeof value) {
    case 'bigint':
      return toInt64(value);
    case 'number':
      return floatToInt(value);
    case 'boolean':
      return value ? 1n : 0n;
    case 'string':
      return parseIntBase0(value.trim() === value ? value : '') ?? 0n;
    default:
      return 0n;
  }
}

/** cast.ToFloat64. */
export function castToFloat64(value: GoValue): number {
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'number':
      return value;
    case 'boolean':
      return value ? 1 : 0;
    case 'string': {
      const n = parseGoFloatString(value);
      return n ?? 0;
    }
    default:
      return 0;
  }
}

/** strconv.ParseFloat's accepted syntax (decimal, with Inf/NaN words). */
export function parseGoFloatString(text: string): number | undefined {
  const clean = text.replace(/_/g, '');
  if (/^[+-]?(inf|infinity)$/i.test(clean)) return clean.startsWith('-') ? -Infinity : Infinity;
  if (/^nan$/i.test(clean)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(clean)) return undefined;
  return Number(clean);
}

/** sprig's strval: strings as is, Stringers via String(), anything else via `%v`. */
export function strval(value: GoValue): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '<nil>';
  if (value instanceof GoObject) return value.toGoString();
  return sprintOne(value);
}

/** sprig's strslice: a list becomes strings with nils dropped; a scalar becomes a one-item list. */
export function strslice(value: GoValue): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) {
    return value.filter((v) => v !== null && v !== undefined).map(strval);
  }
  return [strval(value)];
}

/** sprig's empty: zero values, empty collections and nil. */
export function isEmpty(value: GoValue): boolean {
  if (value === undefined || value === null) return true;
  switch (typeof value) {
    case 'string':
      return value.length === 0;
    case 'boolean':
      return !value;
    case 'number':
      return value === 0;
    case 'bigint':
      return value === 0n;
    case 'function':
      return false;
    default:
      if (Array.isArray(value)) return value.length === 0;
      if (isGoMap(value)) return Object.keys(value).length === 0;
      return false;
  }
}

/** reflect.DeepEqual over the value model (int and float64 are different types). */
export function deepEqual(a: GoValue, b: GoValue): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) {
    return (a === undefined || a === null) && (b === undefined || b === null);
  }
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a instanceof GoObject || b instanceof GoObject) {
    return (
      a instanceof GoObject &&
      b instanceof GoObject &&
      a.goType === b.goType &&
      a.toGoString() === b.toGoString()
    );
  }
  if (isGoMap(a) && isGoMap(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length &&
      ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]))
    );
  }
  return typeof a === 'number' && typeof b === 'number' ? Number.isNaN(a) && false : false;
}

/** Requires a list argument the way sprig's reflection-based list functions do. */
export function asList(value: GoValue, verb: string): GoValue[] {
  if (Array.isArray(value)) return value;
  const type = value === undefined || value === null ? '<nil>' : sprintType(value);
  throw new Error(`Cannot ${verb} on type ${type}`);
}

function sprintType(value: GoValue): string {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    default:
      return isGoMap(value) ? 'map' : 'struct';
  }
}
