import type { FlagFinding, FlagRule } from './flag-control.js';
import { EXAMPLE_CIPHER_SUITES, weakCipherSuites } from './ciphers.js';
import { flagWord, sampleValue, type FlagExample } from './flag-examples.js';
import { listItems, parseGoBool, type FlagSet } from './flags.js';

/** How a message shows a flag that is not written: its default applies. */
function unsetValue(defaultValue: string): string {
  return `unset (default: ${defaultValue === '' ? 'none' : defaultValue})`;
}

function sameValue(actual: string, expected: string): boolean {
  const a = parseGoBool(actual);
  const b = parseGoBool(expected);
  if (a !== undefined && b !== undefined) return a === b;
  return actual.trim() === expected;
}

/** A value that is not `expected`: the other boolean, else the flag's sample value. */
function offendingValue(flag: string, expected: string): string | undefined {
  if (expected === 'true' || expected === 'false') return expected === 'true' ? 'false' : 'true';
  const sample = sampleValue(flag);
  return sample === undefined || sameValue(sample, expected) ? undefined : sample;
}

/** The flag must equal `expected`; when unset, `defaultValue` is what the component uses. */
export function flagEquals(
  flag: string,
  expected: string,
  defaultValue: string,
): FlagRule<'flag-value'> {
  const offending = offendingValue(flag, expected);
  return {
    messages: { 'flag-value': '{component} runs with --{flag} {value}; expected {expected}.' },
    example:
      offending === undefined
        ? undefined
        : { failing: [flagWord(flag, offending)], passing: [flagWord(flag, expected)] },
    judge: (flags) => {
      const written = flags.get(flag);
      const actual = written?.value ?? defaultValue;
      if (sameValue(actual, expected)) return [];
      const value = written === undefined ? unsetValue(defaultValue) : `= ${written.value}`;
      return [{ messageId: 'flag-value', flag, data: { value, expected } }];
    },
  };
}

/** The words that set each flag to its sample value; undefined when one has no sample. */
function sampleWords(names: readonly string[]): string[] | undefined {
  const words: string[] = [];
  for (const name of names) {
    const value = sampleValue(name);
    if (value === undefined) return undefined;
    words.push(flagWord(name, value));
  }
  return words;
}

/** Every flag must be set to a non-empty value. */
export function flagsSet(...names: string[]): FlagRule<'flag-missing'> {
  const passing = sampleWords(names);
  return {
    messages: { 'flag-missing': '{component} does not set --{flag}.' },
    example: passing === undefined ? undefined : { failing: [], passing },
    judge: (flags) =>
      names
        .filter((name) => (flags.get(name)?.value.trim() ?? '') === '')
        .map((flag) => ({ messageId: 'flag-missing' as const, flag })),
  };
}

/** The flag must not be set at all. */
export function flagNotSet(flag: string): FlagRule<'flag-set'> {
  const failing = sampleWords([flag]);
  return {
    messages: { 'flag-set': '{component} sets --{flag}, which should not be used.' },
    example: failing === undefined ? undefined : { failing, passing: [] },
    judge: (flags) => (flags.has(flag) ? [{ messageId: 'flag-set', flag }] : []),
  };
}

export interface ListOptions {
  /** The list the component uses when the flag is unset. */
  readonly defaults?: readonly string[];
  /** Flags that move this setting into a file the scan cannot read; when set, nothing is judged. */
  readonly deferTo?: readonly string[];
}

function effectiveList(
  flags: FlagSet,
  flag: string,
  options: ListOptions,
): { items: string[]; value: string } | undefined {
  const written = flags.get(flag);
  if (written === undefined && (options.deferTo ?? []).some((name) => flags.has(name)))
    return undefined;
  if (written !== undefined)
    return { items: listItems(written.value), value: `= ${written.value}` };
  const defaults = options.defaults ?? [];
  return { items: [...defaults], value: unsetValue(defaults.join(',')) };
}

/**
 * Example words for a list flag: its sample list with `item` added, and without it. A list left
 * empty is not written at all, so the component's default applies.
 */
function listWords(flag: string, item: string): { withItem: string[]; withoutItem: string[] } {
  const sample = listItems(sampleValue(flag) ?? '');
  const without = sample.filter((entry) => entry !== item);
  const words = (items: readonly string[]): string[] =>
    items.length === 0 ? [] : [flagWord(flag, items.join(','))];
  return {
    withItem: words(sample.includes(item) ? sample : sample.concat(item)),
    withoutItem: words(without),
  };
}

/** The comma-separated flag must include `item`. */
export function listIncludes(
  flag: string,
  item: string,
  options: ListOptions = {},
): FlagRule<'item-missing'> {
  const { withItem, withoutItem } = listWords(flag, item);
  return {
    messages: { 'item-missing': '{component} runs with --{flag} {value}, which lacks {item}.' },
    example: { failing: withoutItem, passing: withItem },
    judge: (flags) => {
      const list = effectiveList(flags, flag, options);
      if (list === undefined || list.items.includes(item)) return [];
      return [{ messageId: 'item-missing', flag, data: { value: list.value, item } }];
    },
  };
}

/** The comma-separated flag must not include `item`. */
export function listExcludes(
  flag: string,
  item: string,
  options: ListOptions = {},
): FlagRule<'item-present'> {
  const { withItem, withoutItem } = listWords(flag, item);
  return {
    messages: { 'item-present': '{component} runs with --{flag} {value}, which includes {item}.' },
    example: { failing: withItem, passing: withoutItem },
    judge: (flags) => {
      const list = effectiveList(flags, flag, options);
      if (list === undefined || !list.items.includes(item)) return [];
      return [{ messageId: 'item-present', flag, data: { value: list.value, item } }];
    },
  };
}

/** The flag must be set to a whole number of at least `minimum`. */
export function numberAtLeast(
  flag: string,
  minimum: number,
): FlagRule<'flag-missing' | 'number-too-low'> {
  return {
    messages: {
      'flag-missing': '{component} does not set --{flag}.',
      'number-too-low':
        '{component} sets --{flag} to {value}; expected a number of at least {minimum}.',
    },
    example: {
      failing: [flagWord(flag, Math.floor(minimum / 2))],
      passing: [flagWord(flag, minimum)],
    },
    judge: (flags) => {
      const written = flags.get(flag);
      if (written === undefined) return [{ messageId: 'flag-missing', flag }];
      const value = written.value.trim();
      if (/^\d+$/.test(value) && Number(value) >= minimum) return [];
      return [{ messageId: 'number-too-low', flag, data: { value, minimum } }];
    },
  };
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** The flag must bind a loopback address; `defaultValue` applies when it is unset. */
export function loopbackAddress(flag: string, defaultValue: string): FlagRule<'not-loopback'> {
  return {
    messages: {
      'not-loopback':
        '{component} listens on --{flag} {value}; expected a loopback address such as 127.0.0.1.',
    },
    example: { failing: [flagWord(flag, '0.0.0.0')], passing: [flagWord(flag, '127.0.0.1')] },
    judge: (flags) => {
      const written = flags.get(flag);
      const address = (written?.value ?? defaultValue).trim();
      if (LOOPBACK.has(address)) return [];
      const value = written === undefined ? unsetValue(defaultValue) : `= ${address}`;
      return [{ messageId: 'not-loopback', flag, data: { value } }];
    },
  };
}

/** A `Name=false` entry of --feature-gates turns the gate off; anything else leaves it on. */
export function featureGateNotDisabled(gate: string): FlagRule<'gate-disabled'> {
  return {
    messages: { 'gate-disabled': '{component} turns feature gate {gate} off in --{flag}.' },
    example: {
      failing: [flagWord('feature-gates', `${gate}=false`)],
      passing: [flagWord('feature-gates', `${gate}=true`)],
    },
    judge: (flags) => {
      const written = flags.get('feature-gates');
      if (written === undefined) return [];
      const off = listItems(written.value).some((entry) => {
        const [name, value] = entry.split('=');
        return name?.trim() === gate && parseGoBool(value ?? '') === false;
      });
      return off ? [{ messageId: 'gate-disabled', flag: 'feature-gates', data: { gate } }] : [];
    },
  };
}

/** Both rules' flags together: each rule fails on the first list and passes on the second. */
function bothExamples(
  a: FlagExample | undefined,
  b: FlagExample | undefined,
): FlagExample | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { failing: a.failing.concat(b.failing), passing: a.passing.concat(b.passing) };
}

/** Combines rules; findings come in rule order. */
export function allOf<A extends string, B extends string>(
  a: FlagRule<A>,
  b: FlagRule<B>,
): FlagRule<A | B> {
  return {
    messages: { ...a.messages, ...b.messages },
    example: bothExamples(a.example, b.example),
    judge: (flags, invocation, context): FlagFinding<A | B>[] => [
      ...a.judge(flags, invocation, context),
      ...b.judge(flags, invocation, context),
    ],
  };
}

/** The flag must be set and list only strong cipher suites (Go's defaults include CBC suites). */
export function strongCipherSuites(flag: string): FlagRule<'flag-missing' | 'weak-ciphers'> {
  return {
    messages: {
      'flag-missing': '{component} does not set --{flag}.',
      'weak-ciphers': '{component} allows cipher suites that are not strong in --{flag}: {value}.',
    },
    example: {
      failing: [flagWord(flag, EXAMPLE_CIPHER_SUITES.weak.join(','))],
      passing: [flagWord(flag, EXAMPLE_CIPHER_SUITES.strong.join(','))],
    },
    judge: (flags) => {
      const written = flags.get(flag);
      const suites = listItems(written?.value ?? '');
      if (suites.length === 0) return [{ messageId: 'flag-missing', flag }];
      const weak = weakCipherSuites(suites);
      if (weak.length === 0) return [];
      return [{ messageId: 'weak-ciphers', flag, data: { value: weak.join(', ') } }];
    },
  };
}

/** The flag must not equal `forbidden`; `defaultValue` applies when it is unset. */
export function flagNotEquals(
  flag: string,
  forbidden: string,
  defaultValue: string,
): FlagRule<'flag-value'> {
  const allowed = sameValue(defaultValue, forbidden) ? sampleValue(flag) : defaultValue;
  return {
    messages: { 'flag-value': '{component} runs with --{flag} {value}; expected {expected}.' },
    example:
      allowed === undefined
        ? undefined
        : { failing: [flagWord(flag, forbidden)], passing: [flagWord(flag, allowed)] },
    judge: (flags) => {
      const written = flags.get(flag);
      if (!sameValue(written?.value ?? defaultValue, forbidden)) return [];
      const value = written === undefined ? unsetValue(defaultValue) : `= ${written.value}`;
      return [
        { messageId: 'flag-value', flag, data: { value, expected: `anything but ${forbidden}` } },
      ];
    },
  };
}

/** A Go duration such as `300s`, `1m30s` or `1h`; `0` alone is allowed and means zero. */
export function parseGoDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === '0') return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(value)) return undefined;
  const units: Record<string, number> = {
    ns: 1e-9,
    us: 1e-6,
    µs: 1e-6,
    ms: 1e-3,
    s: 1,
    m: 60,
    h: 3600,
  };
  let seconds = 0;
  for (const [, amount, , unit] of value.matchAll(/(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h)/g))
    seconds += Number(amount) * (units[unit ?? 's'] ?? 1);
  return seconds;
}

/** When set, the flag must be a positive duration; unset keeps the component's default. */
export function positiveDuration(flag: string): FlagRule<'bad-duration'> {
  return {
    messages: {
      'bad-duration':
        '{component} sets --{flag} to {value}; expected a positive duration such as 60s.',
    },
    example: { failing: [flagWord(flag, '0s')], passing: [flagWord(flag, '60s')] },
    judge: (flags) => {
      const written = flags.get(flag);
      if (written === undefined) return [];
      const seconds = parseGoDuration(written.value);
      if (seconds !== undefined && seconds > 0) return [];
      return [{ messageId: 'bad-duration', flag, data: { value: written.value } }];
    },
  };
}
