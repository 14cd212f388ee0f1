import type { Environment } from '@marcbachmann/cel-js';
import type { RE2JS } from 're2js';
import { re2js } from '../../core/lazy-require.js';
import { tick } from './budget.js';
import { celEquals, celFail, toSafeInt } from './values.js';

/**
 * Method name the re2 `matches` is registered under. cel-js refuses to replace its built-in
 * `matches` (JavaScript RegExp: no `(?i)`, backtracking), so compiled expressions have their
 * `matches` calls renamed to this before the first type check (see compile.ts).
 */
export const RE2_MATCHES = '__cubecapeRe2Matches';

const patterns = new Map<string, RE2JS>();

/** Compiles an RE2 pattern once; the cache is bounded because patterns may come from data. */
export function re2(pattern: string): RE2JS {
  const cached = patterns.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RE2JS;
  try {
    compiled = re2js().RE2JS.compile(pattern);
  } catch (error) {
    celFail(`invalid regular expression ${JSON.stringify(pattern)}: ${String(error)}`);
  }
  if (patterns.size >= 1000) patterns.clear();
  patterns.set(pattern, compiled);
  return compiled;
}

function findAll(text: string, pattern: string, limit: bigint): string[] {
  tick(1 + (text.length >> 6));
  const out: string[] = [];
  if (limit === 0n) return out;
  const matcher = re2(pattern).matcher(text);
  while (matcher.find()) {
    out.push(matcher.group() ?? '');
    if (limit > 0n && BigInt(out.length) >= limit) break;
  }
  return out;
}

function charAt(text: string, index: bigint): string {
  // CEL indexes strings by code point, which Array.from iterates (not UTF-16 units).
  const chars = Array.from(text);
  const at = toSafeInt(index);
  if (at < 0 || at > chars.length) celFail(`charAt: index ${at} out of range`);
  return chars[at] ?? '';
}

function replace(text: string, from: string, to: string, limit: bigint): string {
  tick(1 + (text.length >> 6));
  if (limit < 0n) return text.replaceAll(from, to);
  let out = text;
  let start = 0;
  for (let count = 0n; count < limit; count++) {
    const at = out.indexOf(from, start);
    if (at === -1) break;
    out = out.slice(0, at) + to + out.slice(at + from.length);
    start = at + to.length + (from === '' ? 1 : 0);
  }
  return out;
}

function formatValue(verb: string, value: unknown): string {
  switch (verb) {
    case 's':
      return typeof value === 'string'
        ? value
        : JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    case 'd':
      if (typeof value !== 'bigint') celFail('format: %d expects an integer');
      return value.toString();
    case 'f':
    case 'e': {
      const number = typeof value === 'bigint' ? Number(value) : value;
      if (typeof number !== 'number') celFail(`format: %${verb} expects a number`);
      return verb === 'f' ? number.toFixed(6) : number.toExponential(6);
    }
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      if (typeof value !== 'bigint') celFail(`format: %${verb} expects an integer`);
      const radix = verb === 'b' ? 2 : verb === 'o' ? 8 : 16;
      const text = value.toString(radix);
      return verb === 'X' ? text.toUpperCase() : text;
    }
    default:
      return celFail(`format: unsupported verb %${verb}`);
  }
}

/** Kubernetes' `string.format(list)`: `%s %d %f %e %b %o %x %X` and `%%`. */
function format(template: string, args: readonly unknown[]): string {
  tick(1 + args.length);
  let next = 0;
  return template.replace(
    /%(\.\d+)?([a-zA-Z%])/g,
    (_whole, precision: string | undefined, verb: string) => {
      if (verb === '%') return '%';
      if (next >= args.length) celFail('format: too few arguments');
      const value = args[next++];
      if (precision !== undefined && (verb === 'f' || verb === 'e')) {
        const digits = Number(precision.slice(1));
        const number = typeof value === 'bigint' ? Number(value) : value;
        if (typeof number !== 'number') celFail(`format: %${verb} expects a number`);
        return verb === 'f' ? number.toFixed(digits) : number.toExponential(digits);
      }
      return formatValue(verb, value);
    },
  );
}

/** Registers the Kubernetes string, regex and format functions cel-js lacks. */
export function registerStringLibrary(env: Environment): void {
  env
    .registerFunction(`string.${RE2_MATCHES}(string): bool`, (text: string, pattern: string) => {
      tick(1 + (text.length >> 6));
      return re2(pattern).matcher(text).find();
    })
    .registerFunction(`${RE2_MATCHES}(string, string): bool`, (text: string, pattern: string) => {
      tick(1 + (text.length >> 6));
      return re2(pattern).matcher(text).find();
    })
    .registerFunction('string.find(string): string', (text: string, pattern: string) => {
      tick(1 + (text.length >> 6));
      const matcher = re2(pattern).matcher(text);
      return matcher.find() ? (matcher.group() ?? '') : '';
    })
    .registerFunction('string.findAll(string): list<string>', (t: string, p: string) =>
      findAll(t, p, -1n),
    )
    .registerFunction('string.findAll(string, int): list<string>', findAll)
    .registerFunction('string.charAt(int): string', charAt)
    .registerFunction('string.replace(string, string): string', (t: string, a: string, b: string) =>
      replace(t, a, b, -1n),
    )
    .registerFunction('string.replace(string, string, int): string', replace)
    .registerFunction('string.reverse(): string', (text: string) =>
      Array.from(text).reverse().join(''),
    )
    .registerFunction('string.format(list): string', format);
}

/** Index of `needle` in `list` by CEL equality, from the front or the back. */
export function listIndexOf(list: readonly unknown[], needle: unknown, fromEnd: boolean): bigint {
  tick(1 + list.length);
  if (fromEnd) {
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], needle)) return BigInt(i);
  } else {
    for (let i = 0; i < list.length; i++) if (celEquals(list[i], needle)) return BigInt(i);
  }
  return -1n;
}
