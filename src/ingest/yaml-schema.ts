import type { Schema } from 'js-yaml';
import { jsYaml } from '../core/lazy-require.js';

/*
 * kubectl reads YAML through go-yaml v2 (YAML 1.1 resolution rules), not YAML 1.2. A scanner that
 * resolves `privileged: on` or `mode: 0755` differently from the cluster judges a different
 * object than the one that gets applied, so these resolvers follow go-yaml's plain-scalar rules.
 * Timestamps deliberately stay strings: go-yaml hands them to untyped targets as strings too.
 */

const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map(
    (word) => [word, true] as const,
  ),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map(
    (word) => [word, false] as const,
  ),
]);

const NULLS: ReadonlySet<string> = new Set(['', '~', 'null', 'Null', 'NULL']);

const SPECIAL_FLOATS: ReadonlyMap<string, number> = new Map([
  ...['.nan', '.NaN', '.NAN'].map((word) => [word, Number.NaN] as const),
  ...['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF'].map(
    (word) => [word, Number.POSITIVE_INFINITY] as const,
  ),
  ...['-.inf', '-.Inf', '-.INF'].map((word) => [word, Number.NEGATIVE_INFINITY] as const),
]);

/** go-yaml's `yamlStyleFloat`: what it accepts as a float once integer parsing failed. */
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const DOT_FLOAT = /^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;

const DIGITS: Readonly<Record<number, RegExp>> = {
  2: /^[01]+$/,
  8: /^[0-7]+$/,
  10: /^[0-9]+$/,
  16: /^[0-9a-fA-F]+$/,
};

const UINT64_MAX = 2n ** 64n - 1n;
const INT64_MIN_MAGNITUDE = 2n ** 63n;

function isDigitOrSign(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2d;
}

function radixOf(body: string): { radix: number; digits: string } {
  const prefix = body.slice(0, 2).toLowerCase();
  if (prefix === '0x') return { radix: 16, digits: body.slice(2) };
  if (prefix === '0b') return { radix: 2, digits: body.slice(2) };
  if (prefix === '0o') return { radix: 8, digits: body.slice(2) };
  if (body.length > 1 && body.startsWith('0')) return { radix: 8, digits: body.slice(1) };
  return { radix: 10, digits: body };
}

function parseRadix(digits: string, radix: number): bigint {
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : radix === 2 ? '0b' : '';
  return BigInt(prefix + digits);
}

/**
 * Go's `strconv.ParseInt(s, 0, 64)` (falling back to ParseUint) after go-yaml removed
 * underscores: sign, then `0x`/`0b`/`0o` or a leading-zero octal, else decimal.
 */
export function parseGoInteger(text: string): number | undefined {
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const negative = plain.startsWith('-');
  const body = negative || plain.startsWith('+') ? plain.slice(1) : plain;
  const { radix, digits } = radixOf(body);
  const pattern = DIGITS[radix];
  if (digits === '' || pattern === undefined || !pattern.test(digits)) return undefined;
  if (radix === 10 && digits.length < 16) {
    const value = Number(digits);
    return negative && value !== 0 ? -value : value;
  }
  const magnitude = parseRadix(digits, radix);
  if (negative ? magnitude > INT64_MIN_MAGNITUDE : magnitude > UINT64_MAX) {
    return radix === 10 ? Number((negative ? '-' : '') + digits) : undefined;
  }
  const value = Number(magnitude);
  return negative && value !== 0 ? -value : value;
}

/** A float as go-yaml resolves a plain scalar that is not an integer. */
export function parseGoFloat(text: string): number | undefined {
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return special;
  if (text.startsWith('.')) return DOT_FLOAT.test(text) ? Number(text) : undefined;
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  return YAML_STYLE_FLOAT.test(plain) ? Number(plain) : undefined;
}

function nullWord(data: string): boolean {
  return data.length <= 4 && NULLS.has(data);
}

function boolWord(data: string): boolean | undefined {
  return data.length <= 5 ? BOOLEANS.get(data) : undefined;
}

function intWord(data: string): number | undefined {
  return isDigitOrSign(data.charCodeAt(0)) ? parseGoInteger(data) : undefined;
}

function floatWord(data: string): number | undefined {
  const first = data.charCodeAt(0);
  return first === 0x2e || isDigitOrSign(first) ? parseGoFloat(data) : undefined;
}

/** First characters of the null, bool, int and float words; anything else stays a string. */
const MAY_RESOLVE = new Uint8Array(128);
for (const char of '~nNyYoOtTfF.+-0123456789') MAY_RESOLVE[char.charCodeAt(0)] = 1;

/** `0` or a decimal without sign or leading zero that fits a double exactly: the common case. */
function isShortDecimal(data: string): boolean {
  const length = data.length;
  if (length === 0 || length > 15) return false;
  const first = data.charCodeAt(0);
  if (first === 0x30) return length === 1;
  for (let index = 0; index < length; index += 1) {
    const code = data.charCodeAt(index);
    if (code < 0x30 || code > 0x39) return false;
  }
  return true;
}

/**
 * The value of a plain (unquoted) scalar under {@link kubernetesYamlSchema}'s implicit types,
 * tried in the schema's order: null, bool, int, float, else the string itself. `<<` (a merge key)
 * is left to the caller.
 */
export function resolvePlainScalar(data: string): string | number | boolean | null {
  const first = data.charCodeAt(0);
  if (first >= 128 || MAY_RESOLVE[first] === 0) return data;
  if (isShortDecimal(data)) return Number(data);
  if (nullWord(data)) return null;
  const bool = boolWord(data);
  if (bool !== undefined) return bool;
  const int = intWord(data);
  if (int !== undefined) return int;
  return floatWord(data) ?? data;
}

/*
 * js-yaml calls `resolve` and then, immediately and only on success, `construct` with the same
 * string; remembering the parsed number avoids parsing it twice on the hot path.
 */
let resolvedNumber = 0;

/** Builds the schema (see {@link kubernetesYamlSchema}); js-yaml loads on the first call. */
function buildSchema(): Schema {
  const { FAILSAFE_SCHEMA, Type } = jsYaml();
  const nullType = new Type('tag:yaml.org,2002:null', {
    kind: 'scalar',
    resolve: (data: unknown) => data === null || (typeof data === 'string' && nullWord(data)),
    construct: () => null,
  });

  const boolType = new Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && boolWord(data) !== undefined,
    construct: (data: string) => BOOLEANS.get(data) === true,
  });

  /** An implicit number type; `read` answers undefined when the scalar is not such a number. */
  const numberType = (name: string, read: (data: string) => number | undefined) =>
    new Type(`tag:yaml.org,2002:${name}`, {
      kind: 'scalar',
      resolve: (data: unknown) => {
        const value = typeof data === 'string' ? read(data) : undefined;
        if (value === undefined) return false;
        resolvedNumber = value;
        return true;
      },
      construct: () => resolvedNumber,
    });
  const intType = numberType('int', intWord);
  const floatType = numberType('float', floatWord);

  const mergeType = new Type('tag:yaml.org,2002:merge', {
    kind: 'scalar',
    resolve: (data: unknown) => data === '<<',
  });

  /** Explicit tags go-yaml accepts and hands to untyped targets as plain strings. */
  const stringLike = ['timestamp', 'binary'].map(
    (name) =>
      new Type(`tag:yaml.org,2002:${name}`, {
        kind: 'scalar',
        resolve: (data: unknown) => typeof data === 'string',
      }),
  );

  /**
   * Local tags (`!Secret value`, CloudFormation-style `!Ref`) are ignored by go-yaml when decoding
   * into untyped values; failing the whole document on them would hide everything else in it.
   */
  const localTags = (['scalar', 'sequence', 'mapping'] as const).map(
    (kind) => new Type('!', { kind, multi: true, construct: (data: unknown) => data }),
  );

  return FAILSAFE_SCHEMA.extend({
    implicit: [nullType, boolType, intType, floatType, mergeType],
    explicit: [...stringLike, ...localTags],
  });
}

let schema: Schema | undefined;

/**
 * The schema used for every Kubernetes document parsed by js-yaml: go-yaml (YAML 1.1) scalar
 * resolution. Built on first use: most manifests never reach js-yaml (see fast-yaml.ts), so a
 * scan of them does not load it.
 */
export function kubernetesYamlSchema(): Schema {
  return (schema ??= buildSchema());
}
