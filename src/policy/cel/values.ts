/** Error raised by a Kubernetes CEL library function; cel-js reports it as an evaluation error. */
export class CelFunctionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelFunctionError';
  }
}

export function celFail(message: string): never {
  throw new CelFunctionError(message);
}

/** A CEL int as a JS number index, failing outside the safe range. */
export function toSafeInt(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    celFail(`integer ${value} out of range`);
  }
  return Number(value);
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** CEL ints are 64-bit: results outside that range are errors, not silent growth. */
export function checkInt64(value: bigint): bigint {
  if (value > INT64_MAX || value < INT64_MIN) celFail('integer overflow');
  return value;
}

/** CEL equality across the JSON-like values resource objects hold. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'bigint' && typeof b === 'number') return Number(a) === b;
  if (typeof a === 'number' && typeof b === 'bigint') return a === Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => celEquals(item, b[i]));
  }
  if (isPlainMap(a) && isPlainMap(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && celEquals(a[key], b[key]));
  }
  return false;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** Orders two CEL values of the same comparable type, or fails. */
export function celCompare(a: unknown, b: unknown): number {
  const numeric = (v: unknown): boolean => typeof v === 'bigint' || typeof v === 'number';
  if (numeric(a) && numeric(b)) {
    const x = a as number | bigint;
    const y = b as number | bigint;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return celFail(`cannot compare ${typeof a} with ${typeof b}`);
}

const converted = new WeakMap<object, unknown>();

/**
 * Resource data as CEL sees it: integral numbers become bigint (CEL `int`), other numbers stay
 * doubles. YAML parsed without `intAsBigInt` yields `3` for both `3` and `3.0`; both become int,
 * which is what the API server's JSON decoding does too. Results are cached per object.
 */
export function toCelValue(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (value === null || typeof value !== 'object') return value;
  const cached = converted.get(value);
  if (cached !== undefined) return cached;
  let out: unknown;
  if (Array.isArray(value)) {
    out = value.map(toCelValue);
  } else if (value instanceof Date) {
    out = value.toISOString();
  } else if (value instanceof Uint8Array || Object.getPrototypeOf(value) !== Object.prototype) {
    out = value;
  } else {
    const map: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) map[key] = toCelValue(item);
    }
    out = map;
  }
  converted.set(value, out);
  return out;
}

/** Back to JSON-safe data (for messages and audit annotations). */
export function fromCelValue(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCelValue);
  if (isPlainMap(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromCelValue(v)]));
  }
  return value;
}
