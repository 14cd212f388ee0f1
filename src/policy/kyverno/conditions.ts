import { CubecapeError } from '../../core/errors.js';
import { isRecord } from '../../model/resource.js';
import { compareOrdered, parseDuration, toNumber, toQuantity } from './quantities.js';
import { substituteAll, type VariableData } from './variables.js';
import { wildcardMatch } from './wildcard.js';

/** One `key operator value` condition, as written in a policy. */
export interface Condition {
  readonly key?: unknown;
  readonly operator?: unknown;
  readonly value?: unknown;
}

/** Condition operators Kyverno knows (`In`/`NotIn` are the deprecated forms). */
export const CONDITION_OPERATORS = [
  'Equals',
  'NotEquals',
  'Equal',
  'NotEqual',
  'AnyIn',
  'AllIn',
  'AnyNotIn',
  'AllNotIn',
  'In',
  'NotIn',
  'GreaterThan',
  'GreaterThanOrEquals',
  'LessThan',
  'LessThanOrEquals',
  'DurationGreaterThan',
  'DurationGreaterThanOrEquals',
  'DurationLessThan',
  'DurationLessThanOrEquals',
] as const;

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** Kyverno's equality: durations and quantities by value, strings with wildcards in `value`. */
export function conditionEquals(key: unknown, value: unknown): boolean {
  if (typeof key === 'string') {
    const dk = parseDuration(key);
    const dv = parseDuration(value);
    if (dk !== undefined && dv !== undefined) return dk === dv;
    if (typeof value === 'string' && /^[+-]?[\d.]/.test(key) && /^[+-]?[\d.]/.test(value)) {
      const qk = toQuantity(key);
      const qv = toQuantity(value);
      if (qk !== undefined && qv !== undefined) return qk === qv;
    }
    if (typeof value === 'string') return wildcardMatch(value, key);
    if (typeof value === 'number') return toNumber(key) === value;
    return false;
  }
  if (typeof key === 'number') {
    if (typeof value === 'number') return key === value;
    if (typeof value === 'string') {
      const qv = toQuantity(value);
      return qv !== undefined && qv === key;
    }
    return false;
  }
  if (typeof key === 'boolean') return value === key || value === String(key);
  if (key === null || key === undefined) return value === null || value === undefined;
  return deepEqual(key, value);
}

/** A condition `value` as a list: a JSON-array string counts as a list. */
function valueList(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // not a JSON list: a single value
    }
  }
  return [value];
}

function keyList(key: unknown): readonly unknown[] {
  return Array.isArray(key) ? key : [key];
}

const RANGE = /^(-?\d+(?:\.\d+)?)-(-?\d+(?:\.\d+)?)$/;

function member(item: unknown, values: readonly unknown[]): boolean {
  return values.some((candidate) => {
    if (typeof candidate === 'string' && typeof item === 'number') {
      const range = RANGE.exec(candidate);
      if (range !== null) return item >= Number(range[1]) && item <= Number(range[2]);
    }
    if (typeof candidate === 'string' && typeof item === 'string') {
      // Kyverno lets either side carry the wildcard (`verbs: ['*']` is in `[bind]`).
      return wildcardMatch(candidate, item) || wildcardMatch(item, candidate);
    }
    return conditionEquals(item, candidate);
  });
}

function ordered(key: unknown, value: unknown, test: (order: number) => boolean): boolean {
  const order = compareOrdered(key, value);
  return order !== undefined && test(order);
}

function durationOrdered(key: unknown, value: unknown, test: (order: number) => boolean) {
  const toSeconds = (v: unknown): number | undefined =>
    typeof v === 'number' ? v : parseDuration(v);
  const a = toSeconds(key);
  const b = toSeconds(value);
  return a !== undefined && b !== undefined && test(Math.sign(a - b));
}

/** Applies one operator to already-substituted operands. */
export function applyOperator(operator: string, key: unknown, value: unknown): boolean {
  const keys = keyList(key);
  const values = valueList(value);
  const setOperator = /In$/.test(operator);
  // A missing value is no set at all: Kyverno's set operators are then false.
  if (setOperator && (value === null || value === undefined)) return false;
  switch (operator) {
    case 'Equals':
    case 'Equal':
      return conditionEquals(key, value);
    case 'NotEquals':
    case 'NotEqual':
      return !conditionEquals(key, value);
    case 'AnyIn':
      return keys.some((item) => member(item, values));
    case 'AllIn':
      return keys.length > 0 && keys.every((item) => member(item, values));
    case 'AnyNotIn':
      return keys.some((item) => !member(item, values));
    case 'AllNotIn':
      return keys.every((item) => !member(item, values));
    case 'In':
      return Array.isArray(key) ? keys.every((item) => member(item, values)) : member(key, values);
    case 'NotIn':
      return !applyOperator('In', key, value);
    case 'GreaterThan':
      return ordered(key, value, (o) => o > 0);
    case 'GreaterThanOrEquals':
      return ordered(key, value, (o) => o >= 0);
    case 'LessThan':
      return ordered(key, value, (o) => o < 0);
    case 'LessThanOrEquals':
      return ordered(key, value, (o) => o <= 0);
    case 'DurationGreaterThan':
      return durationOrdered(key, value, (o) => o > 0);
    case 'DurationGreaterThanOrEquals':
      return durationOrdered(key, value, (o) => o >= 0);
    case 'DurationLessThan':
      return durationOrdered(key, value, (o) => o < 0);
    case 'DurationLessThanOrEquals':
      return durationOrdered(key, value, (o) => o <= 0);
    default:
      throw new CubecapeError(
        'CONTROL_ERROR',
        `unknown condition operator ${JSON.stringify(operator)}`,
      );
  }
}

/** Evaluates one condition, substituting its key and value first. */
export function evaluateCondition(condition: unknown, data: VariableData): boolean {
  if (!isRecord(condition))
    throw new CubecapeError('CONTROL_ERROR', 'a condition must be an object');
  const key = substituteAll(condition.key ?? null, data);
  const value = substituteAll(condition.value ?? null, data);
  return applyOperator(String(condition.operator), key, value);
}

/**
 * Evaluates a condition block: `{ any, all }` (both must hold when both are given; an empty or
 * missing block holds) or a bare list (every condition must hold).
 */
export function evaluateConditions(block: unknown, data: VariableData): boolean {
  if (block === undefined || block === null) return true;
  if (Array.isArray(block)) return block.every((condition) => evaluateCondition(condition, data));
  if (!isRecord(block))
    throw new CubecapeError('CONTROL_ERROR', 'conditions must be a list or an object');
  const any = Array.isArray(block.any) ? block.any : undefined;
  const all = Array.isArray(block.all) ? block.all : undefined;
  if (any !== undefined && any.length > 0 && !any.some((c) => evaluateCondition(c, data)))
    return false;
  if (all !== undefined && !all.every((c) => evaluateCondition(c, data))) return false;
  return true;
}
