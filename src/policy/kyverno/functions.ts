import type { InputSignature, JSONValue } from '@jmespath-community/jmespath';
import type { RE2JS } from 're2js';
import { CubecapeError } from '../../core/errors.js';
import { jmespath, re2js, yaml } from '../../core/lazy-require.js';
import { isRecord } from '../../model/resource.js';
import { compareSemver, parseDuration, toNumber, toQuantity } from './quantities.js';
import {
  durationSeconds,
  formatDuration,
  formatTime,
  nowMillis,
  parseTime,
  timeToCron,
} from './time-functions.js';
import { wildcardMatch } from './wildcard.js';

type Fn = (args: readonly unknown[]) => unknown;

/** An argument's JMESPath type; the library's type codes are looked up at registration. */
type ArgType = 'string' | 'any' | 'number' | 'object' | 'array';
const S: ArgType = 'string';
const A: ArgType = 'any';

function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new CubecapeError('CONTROL_ERROR', 'expected a string argument');
}

const MAX_REGEX_LENGTH = 1024;
const MAX_CACHED_REGEXES = 1024;
const regexCache = new Map<string, RE2JS>();

/**
 * Compiles a Kyverno regex with RE2 semantics (as Go's regexp, which Kyverno uses): inline flags
 * such as `(?i)` work, and matching is linear in the input, so patterns like `(a+)+$` cannot
 * backtrack catastrophically on hostile input.
 */
function regex(source: unknown): RE2JS {
  const text = str(source);
  if (text.length > MAX_REGEX_LENGTH) throw new CubecapeError('CONTROL_ERROR', 'regex too long');
  let compiled = regexCache.get(text);
  if (compiled === undefined) {
    try {
      compiled = re2js().RE2JS.compile(text);
    } catch (error) {
      throw new CubecapeError(
        'CONTROL_ERROR',
        `invalid regular expression ${JSON.stringify(text)}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (regexCache.size < MAX_CACHED_REGEXES) regexCache.set(text, compiled);
  }
  return compiled;
}

/** Arithmetic over numbers, durations (Go strings) or quantities, as Kyverno does. */
function arithmetic(op: (a: number, b: number) => number): Fn {
  return ([a, b]) => {
    const na = toNumber(a);
    const nb = toNumber(b);
    if (typeof a === 'number' && typeof b === 'number') return op(a, b);
    const da = parseDuration(a);
    const db = parseDuration(b);
    if (da !== undefined && (db !== undefined || nb !== undefined)) {
      return formatDuration(op(da, db ?? nb ?? 0));
    }
    const qa = toQuantity(a);
    const qb = toQuantity(b);
    if (qa !== undefined && qb !== undefined) return op(qa, qb);
    if (na !== undefined && nb !== undefined) return op(na, nb);
    throw new CubecapeError('CONTROL_ERROR', 'arithmetic needs numbers, quantities or durations');
  };
}

function divide(args: readonly unknown[]): unknown {
  const divisor = toQuantity(args[1]) ?? parseDuration(args[1]);
  if (divisor === undefined || divisor === 0)
    throw new CubecapeError('CONTROL_ERROR', 'bad divisor');
  const da = parseDuration(args[0]);
  const db = parseDuration(args[1]);
  if (da !== undefined && db !== undefined) return da / db;
  const dividend = toQuantity(args[0]);
  if (dividend === undefined) throw new CubecapeError('CONTROL_ERROR', 'bad dividend');
  return dividend / divisor;
}

function semverCompare([version, range]: readonly unknown[]): boolean {
  return str(range)
    .split('||')
    .some((alternative) =>
      alternative
        .trim()
        .split(/\s+/)
        .every((part) => {
          const match = /^(>=|<=|>|<|=|!=)?(.+)$/.exec(part);
          const order = compareSemver(str(version), match?.[2] ?? '');
          if (order === undefined) return false;
          switch (match?.[1]) {
            case '>=':
              return order >= 0;
            case '<=':
              return order <= 0;
            case '>':
              return order > 0;
            case '<':
              return order < 0;
            case '!=':
              return order !== 0;
            default:
              return order === 0;
          }
        }),
    );
}

const FUNCTIONS: readonly (readonly [string, Fn, readonly ArgType[]])[] = [
  ['to_upper', ([s]) => str(s).toUpperCase(), [S]],
  ['to_lower', ([s]) => str(s).toLowerCase(), [S]],
  ['compare', ([a, b]) => Math.sign(str(a).localeCompare(str(b))), [S, S]],
  ['equal_fold', ([a, b]) => str(a).toLowerCase() === str(b).toLowerCase(), [S, S]],
  ['replace_all', ([s, o, n]) => str(s).split(str(o)).join(str(n)), [S, S, S]],
  ['trim', ([s, cut]) => trimSet(str(s), str(cut)), [S, S]],
  [
    'trim_prefix',
    ([s, p]) => (str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)),
    [S, S],
  ],
  ['truncate', ([s, n]) => str(s).slice(0, Math.max(0, toNumber(n) ?? 0)), [S, 'number']],
  ['regex_match', ([r, s]) => regex(r).matcher(str(s)).find(), [S, A]],
  [
    'regex_replace_all',
    ([r, s, n]) =>
      regex(r)
        .matcher(str(s))
        .replaceAll(str(n).replace(/\$\{?(\d+)\}?/g, '$$$1')),
    [S, A, A],
  ],
  [
    'regex_replace_all_literal',
    ([r, s, n]) =>
      regex(r)
        .matcher(str(s))
        .replaceAll(() => str(n)),
    [S, A, A],
  ],
  ['pattern_match', ([p, s]) => wildcardMatch(str(p), str(s)), [S, A]],
  ['label_match', ([sel, labels]) => labelMatch(sel, labels), ['object', 'object']],
  ['base64_decode', ([s]) => Buffer.from(str(s), 'base64').toString('utf8'), [S]],
  ['base64_encode', ([s]) => Buffer.from(str(s), 'utf8').toString('base64'), [S]],
  ['parse_json', ([s]) => parseText(() => JSON.parse(str(s)) as unknown), [S]],
  [
    'parse_yaml',
    ([s]) => parseText(() => yaml().parse(str(s), { maxAliasCount: 100 }) as unknown),
    [S],
  ],
  ['to_boolean', ([s]) => toBoolean(s), [S]],
  ['add', arithmetic((a, b) => a + b), [A, A]],
  ['subtract', arithmetic((a, b) => a - b), [A, A]],
  ['multiply', arithmetic((a, b) => a * b), [A, A]],
  ['modulo', arithmetic((a, b) => a % b), [A, A]],
  ['divide', divide, [A, A]],
  ['round', ([n, d]) => roundTo(toNumber(n) ?? 0, toNumber(d) ?? 0), ['number', 'number']],
  ['semver_compare', semverCompare, [S, S]],
  ['object_from_lists', ([k, v]) => objectFromLists(k, v), ['array', 'array']],
  ['time_now', () => formatTime(nowMillis()), []],
  ['time_now_utc', () => formatTime(nowMillis()), []],
  ['time_parse', ([, t]) => formatTime(parseTime(t)), [S, S]],
  ['time_to_cron', ([t]) => timeToCron(t), [S]],
  ['time_add', ([t, d]) => formatTime(parseTime(t) + durationSeconds(d) * 1000), [S, S]],
  ['time_since', ([, a, b]) => timeSince(a, b), [S, S, S]],
  ['time_diff', ([a, b]) => formatDuration((parseTime(b) - parseTime(a)) / 1000), [S, S]],
  ['time_before', ([a, b]) => parseTime(a) < parseTime(b), [S, S]],
  ['time_after', ([a, b]) => parseTime(a) > parseTime(b), [S, S]],
  [
    'time_between',
    ([t, a, b]) => parseTime(t) > parseTime(a) && parseTime(t) < parseTime(b),
    [S, S, S],
  ],
  ['time_utc', ([t]) => formatTime(parseTime(t)), [S]],
];

function timeSince(start: unknown, end: unknown): string {
  const to = typeof end === 'string' && end !== '' ? parseTime(end) : nowMillis();
  return formatDuration((to - parseTime(start)) / 1000);
}

function trimSet(text: string, cutset: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && cutset.includes(text.charAt(start))) start++;
  while (end > start && cutset.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

function labelMatch(selector: unknown, labels: unknown): boolean {
  if (!isRecord(selector) || !isRecord(labels)) return false;
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function parseText(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    throw new CubecapeError('CONTROL_ERROR', `cannot parse: ${String(error)}`);
  }
}

function toBoolean(value: unknown): boolean {
  const text = str(value).toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new CubecapeError('CONTROL_ERROR', `not a boolean: ${text}`);
}

function roundTo(value: number, digits: number): number {
  const scale = 10 ** Math.max(0, Math.floor(digits));
  return Math.round(value * scale) / scale;
}

function objectFromLists(keys: unknown, values: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(keys)) return out;
  const list: readonly unknown[] = Array.isArray(values) ? values : [];
  keys.forEach((key, index) => {
    if (typeof key === 'string') out[key] = list[index] ?? null;
  });
  return out;
}

let registered = false;

/**
 * Adds Kyverno's custom functions to the (process-wide) JMESPath registry once. Names another
 * module registered first are left alone, so two registrants never fight over one name.
 */
export function registerKyvernoFunctions(): void {
  if (registered) return;
  registered = true;
  const jp = jmespath();
  const codes: Record<ArgType, InputSignature['types'][number]> = {
    string: jp.TYPE_STRING,
    any: jp.TYPE_ANY,
    number: jp.TYPE_NUMBER,
    object: jp.TYPE_OBJECT,
    array: jp.TYPE_ARRAY,
  };
  for (const [name, fn, argTypes] of FUNCTIONS) {
    if (jp.isRegistered(name)) continue;
    const signature = argTypes.map((type): InputSignature => ({ types: [codes[type]] }));
    jp.registerFunction(name, (args) => fn(args) as JSONValue, signature);
  }
}
