/**
 * The Go value model the template engine works on.
 *
 * Helm decodes values files through JSON, so every number read from values (or from `fromYaml`,
 * `fromJson`) is a Go `float64`; template literals, `len`, and sprig's arithmetic produce Go
 * integers. The two print differently (`1e+06` against `1000000`), so they must stay distinct:
 * a JS `number` models `float64` and a `bigint` models Go `int`/`int64` (wrapped to 64 bits).
 * `undefined` models Go's "no value" (an invalid reflect.Value, e.g. a missing map key) and `null`
 * a nil interface.
 */
export type GoValue =
  null | undefined | boolean | string | number | bigint | GoList | GoMap | GoObject | GoCallable;

/** A Go `[]interface{}` (or `[]string`; they print alike). */
export type GoList = GoValue[];

/** A Go `map[string]interface{}`. Keys are looked up with `Object.hasOwn` only. */
export interface GoMap {
  [key: string]: GoValue;
}

/** A Go struct or pointer (time.Time, *semver.Version, …) exposing fields and a print form. */
export abstract class GoObject {
  /** Go's `%T` name, e.g. `time.Time`. */
  abstract readonly goType: string;
  /**
   * Value of an exported field, or a method as a function (called with the template's
   * arguments, like `.Files.Get "x"`); `undefined` when there is none.
   */
  abstract field(name: string): GoValue;
  /** What `fmt.Sprint` prints for it. */
  abstract toGoString(): string;
  /**
   * Key/element pairs when `range` can iterate it, as Go ranges a map-typed value (Helm's
   * `.Files` is a `map[string][]byte`); `undefined` when it cannot be ranged over.
   */
  rangeEntries(): [GoValue, GoValue][] | undefined {
    return undefined;
  }
}

/** A Go func value in the data (only reachable through `call`). */
export type GoCallable = (...args: GoValue[]) => GoValue;

const INT64_MIN = -(1n << 63n);

/** Wraps to int64 as Go arithmetic does. */
export function toInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** Go's float64→int64 conversion (truncates; out of range saturates to what amd64 gives). */
export function floatToInt(value: number): bigint {
  if (!Number.isFinite(value) || value >= 9.223372036854776e18 || value < -9.223372036854776e18) {
    return INT64_MIN;
  }
  return BigInt(Math.trunc(value));
}

/** Whether a value is a Go map (not a list, struct or scalar). */
export function isGoMap(value: GoValue): value is GoMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof GoObject)
  );
}

/** Whether a value is a Go slice. */
export function isGoList(value: GoValue): value is GoList {
  return Array.isArray(value);
}

/** Creates an empty map without a prototype, so keys like `__proto__` are plain data. */
export function newMap(): GoMap {
  return Object.create(null) as GoMap;
}

/** Looks up a map key, never reading inherited properties. */
export function mapGet(map: GoMap, key: string): GoValue {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Whether a map has its own key `key`. */
export function mapHas(map: GoMap, key: string): boolean {
  return Object.hasOwn(map, key);
}

/** Sets a key as plain data (safe for keys like `__proto__`). */
export function mapSet(map: GoMap, key: string, value: GoValue): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Map keys in Go's sorted order (byte-wise, which for UTF-16 strings is close enough for keys). */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareGoStrings);
}

/** Compares strings by UTF-8 bytes like Go (code point order, not UTF-16 unit order). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** Go's reflect kind names, as `kindOf` reports them. */
export function goKind(value: GoValue): string {
  if (value === undefined || value === null) return 'invalid';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    default:
      if (Array.isArray(value)) return 'slice';
      if (value instanceof GoObject) return value.goType.startsWith('*') ? 'ptr' : 'struct';
      return 'map';
  }
}

/** Go's `%T` names. Lists are reported as `[]interface {}`. */
export function goTypeName(value: GoValue): string {
  if (value === undefined || value === null) return '<nil>';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'string':
      return 'string';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func(...interface {}) interface {}';
    default:
      if (Array.isArray(value)) return '[]interface {}';
      if (value instanceof GoObject) return value.goType;
      return 'map[string]interface {}';
  }
}

/** Go template truthiness: the zero value of any type is false. */
export function isTrue(value: GoValue): boolean {
  if (value === undefined || value === null) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'string':
      return value.length > 0;
    case 'number':
      return value !== 0;
    case 'bigint':
      return value !== 0n;
    case 'function':
      return true;
    default:
      if (Array.isArray(value)) return value.length > 0;
      if (value instanceof GoObject) return true;
      return Object.keys(value).length > 0;
  }
}
