import type { JsonPath } from '../../core/json-path.js';
import { isRecord } from '../../model/resource.js';
import { matchValue } from './value-pattern.js';
import { hasWildcard, wildcardMatch } from './wildcard.js';

/** Anchor kinds of a pattern key; `plain` means no anchor. */
export type AnchorKind =
  'plain' | 'condition' | 'equality' | 'negation' | 'existence' | 'global' | 'addIfMissing';

const ANCHOR = /^(=|X|\^|<|\+)?\((.+)\)$/;
const PREFIXES: Readonly<Record<string, AnchorKind>> = {
  '=': 'equality',
  X: 'negation',
  '^': 'existence',
  '<': 'global',
  '+': 'addIfMissing',
};

/** Splits a pattern key into its anchor and the field name. */
export function parseAnchor(key: string): { readonly kind: AnchorKind; readonly name: string } {
  const match = ANCHOR.exec(key);
  if (match === null || match[2] === undefined) return { kind: 'plain', name: key };
  const prefix = match[1];
  return {
    kind: prefix === undefined ? 'condition' : (PREFIXES[prefix] ?? 'plain'),
    name: match[2],
  };
}

/**
 * Result of matching: `pass`; `fail` at a path; `skip` when a conditional anchor did not hold
 * (the pattern does not apply); `global` when a global anchor did not hold (the rule is skipped).
 */
export type PatternOutcome =
  | { readonly status: 'pass' }
  | {
      readonly status: 'fail' | 'skip' | 'global';
      readonly path: JsonPath;
      readonly reason: string;
    };

/** Resolves `{{ }}` references left in a pattern value, with `@` bound to the resource value. */
export type PatternResolver = (pattern: string, current: unknown) => unknown;

export interface PatternOptions {
  readonly resolve?: PatternResolver;
  readonly maxDepth?: number;
}

const PASS: PatternOutcome = { status: 'pass' };
const DEFAULT_MAX_DEPTH = 64;

/** Matches a resource (or part of one) against a Kyverno validate pattern. */
export function matchPattern(
  resource: unknown,
  pattern: unknown,
  options: PatternOptions = {},
): PatternOutcome {
  return matchElement(resource, pattern, [], options, 0);
}

function fail(path: JsonPath, reason: string): PatternOutcome {
  return { status: 'fail', path, reason };
}

function matchElement(
  value: unknown,
  pattern: unknown,
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  if (depth > (options.maxDepth ?? DEFAULT_MAX_DEPTH)) return fail(path, 'pattern is too deep');
  if (isRecord(pattern)) {
    if (!isRecord(value)) return fail(path, 'expected an object');
    return matchMap(value, pattern, path, options, depth);
  }
  if (Array.isArray(pattern)) {
    if (!Array.isArray(value)) return fail(path, 'expected a list');
    return matchArray(value, pattern, path, options, depth);
  }
  if (Array.isArray(value)) {
    // A scalar pattern judges each element of a list value.
    return matchEach(value, pattern, path, options, depth);
  }
  let expected = pattern;
  if (typeof pattern === 'string' && pattern.includes('{{') && options.resolve !== undefined) {
    expected = options.resolve(pattern, value);
    if (isRecord(expected) || Array.isArray(expected)) {
      return matchElement(value, expected, path, options, depth + 1);
    }
  }
  return matchValue(value, expected)
    ? PASS
    : fail(path, `value ${describe(value)} does not match ${describe(expected)}`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function matchArray(
  values: readonly unknown[],
  pattern: readonly unknown[],
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  const first = pattern[0];
  if (pattern.length === 0)
    return values.length === 0 ? PASS : fail(path, 'expected an empty list');
  if (isRecord(first) || pattern.length === 1) {
    return matchEach(values, first, path, options, depth);
  }
  if (values.length < pattern.length) return fail(path, 'list is shorter than the pattern');
  for (let i = 0; i < pattern.length; i++) {
    const outcome = matchElement(values[i], pattern[i], [...path, i], options, depth + 1);
    if (outcome.status !== 'pass') return outcome;
  }
  return PASS;
}

/** Every element must match; elements whose conditional anchors do not hold are left out. */
function matchEach(
  values: readonly unknown[],
  pattern: unknown,
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  let applied = 0;
  let skipped: PatternOutcome | undefined;
  for (let i = 0; i < values.length; i++) {
    const outcome = matchElement(values[i], pattern, [...path, i], options, depth + 1);
    if (outcome.status === 'skip') {
      skipped = outcome;
      continue;
    }
    if (outcome.status !== 'pass') return outcome;
    applied++;
  }
  return applied === 0 && skipped !== undefined ? skipped : PASS;
}

interface Entry {
  readonly kind: AnchorKind;
  readonly name: string;
  readonly pattern: unknown;
}

/** Pattern keys with wildcards (`app.kubernetes.io/*`) stand for every matching resource key. */
function entriesOf(value: Readonly<Record<string, unknown>>, pattern: Record<string, unknown>) {
  const entries: Entry[] = [];
  for (const [key, sub] of Object.entries(pattern)) {
    const { kind, name } = parseAnchor(key);
    if (!hasWildcard(name) || Object.hasOwn(value, name)) {
      entries.push({ kind, name, pattern: sub });
      continue;
    }
    const names = Object.keys(value).filter((candidate) => wildcardMatch(name, candidate));
    if (names.length === 0) entries.push({ kind, name, pattern: sub });
    for (const expanded of names) entries.push({ kind, name: expanded, pattern: sub });
  }
  return entries;
}

function matchMap(
  value: Readonly<Record<string, unknown>>,
  pattern: Record<string, unknown>,
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  const entries = entriesOf(value, pattern);
  const isCheck = (entry: Entry): boolean =>
    entry.kind === 'condition' || entry.kind === 'existence' || entry.kind === 'global';
  // Anchors that decide whether the map applies at all go first.
  for (const entry of [...entries.filter(isCheck), ...entries.filter((e) => !isCheck(e))]) {
    const outcome = matchEntry(value, entry, path, options, depth);
    if (outcome.status !== 'pass') return outcome;
  }
  return PASS;
}

function matchEntry(
  value: Readonly<Record<string, unknown>>,
  entry: Entry,
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  const present = Object.hasOwn(value, entry.name);
  const child = value[entry.name];
  const childPath = [...path, entry.name];
  switch (entry.kind) {
    case 'condition':
    case 'global': {
      const status = entry.kind === 'condition' ? 'skip' : 'global';
      if (!present) return { status, path: childPath, reason: `${entry.name} is not set` };
      const outcome = matchElement(child, entry.pattern, childPath, options, depth + 1);
      if (outcome.status === 'pass') return PASS;
      return outcome.status === 'global' ? outcome : { ...outcome, status };
    }
    case 'equality':
    case 'addIfMissing':
      return present ? matchElement(child, entry.pattern, childPath, options, depth + 1) : PASS;
    case 'negation':
      return present ? fail(childPath, `${entry.name} must not be set`) : PASS;
    case 'existence':
      return present ? matchExistence(child, entry.pattern, childPath, options, depth) : PASS;
    case 'plain':
      if (entry.pattern === '*' && (!present || child === null)) {
        return fail(childPath, `${entry.name} is required`);
      }
      if (!present && (isRecord(entry.pattern) || Array.isArray(entry.pattern))) {
        return fail(childPath, `${entry.name} is required`);
      }
      return matchElement(child, entry.pattern, childPath, options, depth + 1);
  }
}

function matchExistence(
  value: unknown,
  pattern: unknown,
  path: JsonPath,
  options: PatternOptions,
  depth: number,
): PatternOutcome {
  if (!Array.isArray(pattern) || !Array.isArray(value)) {
    return fail(path, 'existence anchors need a list');
  }
  const element: unknown = pattern[0];
  for (let i = 0; i < value.length; i++) {
    if (matchElement(value[i], element, [...path, i], options, depth + 1).status === 'pass') {
      return PASS;
    }
  }
  return fail(path, 'no element matches');
}
