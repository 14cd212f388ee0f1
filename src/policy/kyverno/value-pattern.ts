import { isRecord } from '../../model/resource.js';
import { compareOrdered, parseDuration, toNumber, toQuantity } from './quantities.js';
import { wildcardMatch } from './wildcard.js';

type Operator = '' | '!' | '>' | '<' | '>=' | '<=';

const RANGE = /^(!?)(-?[\d.]+[A-Za-z]*)-(-?[\d.]+[A-Za-z]*)$/;

/**
 * Matches one scalar resource value against one scalar pattern value: string patterns carry
 * Kyverno's operators (`|`, `&`, `!`, `>`, `<`, `>=`, `<=`, ranges `a-b` / `!a-b`) and wildcards.
 */
export function matchValue(value: unknown, pattern: unknown): boolean {
  if (pattern === null || pattern === undefined) return matchNil(value);
  if (typeof pattern === 'boolean') return value === pattern;
  if (typeof pattern === 'number') return matchNumber(value, pattern);
  if (typeof pattern === 'string') return matchStringPatterns(value, pattern);
  if (isRecord(pattern)) return isRecord(value);
  return false;
}

function matchNil(value: unknown): boolean {
  return value === null || value === undefined || value === 0 || value === '' || value === false;
}

function matchNumber(value: unknown, pattern: number): boolean {
  if (typeof value === 'number') return value === pattern;
  if (typeof value === 'string') {
    const parsed = toNumber(value);
    return parsed !== undefined && parsed === pattern;
  }
  return false;
}

function matchStringPatterns(value: unknown, pattern: string): boolean {
  if (typeof value === 'string' && value === pattern) return true;
  return pattern.split('|').some((alternative) =>
    alternative
      .trim()
      .split('&')
      .every((part) => matchStringPattern(value, part.trim())),
  );
}

function operatorOf(pattern: string): Operator {
  for (const op of ['>=', '<=', '>', '<', '!'] as const) {
    if (pattern.startsWith(op)) return op;
  }
  return '';
}

function matchStringPattern(value: unknown, pattern: string): boolean {
  const range = RANGE.exec(pattern);
  if (range !== null) {
    const low = compareOrdered(value, range[2]);
    const high = compareOrdered(value, range[3]);
    if (low === undefined || high === undefined) return false;
    const inside = low >= 0 && high <= 0;
    return range[1] === '!' ? !inside : inside;
  }
  const operator = operatorOf(pattern);
  const operand = pattern.slice(operator.length).trim();
  if (/^\d/.test(operand) || /^-\d/.test(operand) || /^\.\d/.test(operand)) {
    const ordered = compareNumeric(value, operand);
    if (ordered !== undefined) return applyOperator(operator, ordered);
  }
  return matchString(value, operand, operator);
}

/** Compares as quantities, durations or numbers when both sides parse as the same kind. */
function compareNumeric(value: unknown, operand: string): number | undefined {
  const quantities = [toQuantity(value), toQuantity(operand)] as const;
  if (quantities[0] !== undefined && quantities[1] !== undefined) {
    return Math.sign(quantities[0] - quantities[1]);
  }
  const durations = [parseDuration(value), parseDuration(operand)] as const;
  if (durations[0] !== undefined && durations[1] !== undefined) {
    return Math.sign(durations[0] - durations[1]);
  }
  return undefined;
}

function applyOperator(operator: Operator, ordered: number): boolean {
  switch (operator) {
    case '':
      return ordered === 0;
    case '!':
      return ordered !== 0;
    case '>':
      return ordered > 0;
    case '<':
      return ordered < 0;
    case '>=':
      return ordered >= 0;
    case '<=':
      return ordered <= 0;
  }
}

function matchString(value: unknown, pattern: string, operator: Operator): boolean {
  if (operator !== '' && operator !== '!') return false;
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else return false;
  const matched = wildcardMatch(pattern, text);
  return operator === '!' ? !matched : matched;
}
