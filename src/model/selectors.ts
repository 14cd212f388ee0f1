import { isRecord } from './resource.js';

/** A label requirement of a set-based selector. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** A validated `metav1.LabelSelector`: every requirement must hold (logical AND). */
export interface ParsedLabelSelector {
  readonly requirements: readonly LabelRequirement[];
}

/** Why a selector is not valid, in the words of the field at fault. */
export interface SelectorError {
  readonly error: string;
}

const OPERATORS: ReadonlySet<string> = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** The string-valued labels of an object's metadata; other values are ignored. */
export function labelsOf(metadata: unknown): Readonly<Record<string, string>> {
  if (!isRecord(metadata) || !isRecord(metadata['labels'])) return {};
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata['labels'])) {
    if (typeof value === 'string') labels[key] = value;
  }
  return labels;
}

function isOperator(value: unknown): value is LabelRequirement['operator'] {
  return typeof value === 'string' && OPERATORS.has(value);
}

function parseExpression(expression: unknown, index: number): LabelRequirement | SelectorError {
  const where = `matchExpressions[${index}]`;
  if (!isRecord(expression)) return { error: `${where}: expected an object` };
  const { key, operator } = expression;
  if (typeof key !== 'string' || key === '') {
    return { error: `${where}.key: expected a non-empty string` };
  }
  if (!isOperator(operator)) {
    return { error: `${where}.operator: expected In, NotIn, Exists or DoesNotExist` };
  }
  const raw: unknown = expression['values'] ?? [];
  const values = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
  if (!Array.isArray(raw) || values.length !== raw.length) {
    return { error: `${where}.values: expected a list of strings` };
  }
  const setBased = operator === 'In' || operator === 'NotIn';
  if (setBased && values.length === 0) {
    return { error: `${where}.values: ${operator} needs at least one value` };
  }
  if (!setBased && values.length > 0) {
    return { error: `${where}.values: ${operator} takes no values` };
  }
  return { key, operator, values };
}

/**
 * Validates a label selector as the API server would. A nil selector (undefined or null) is
 * returned as undefined so callers can apply their kind's nil semantics.
 */
export function parseLabelSelector(
  selector: unknown,
): ParsedLabelSelector | SelectorError | undefined {
  if (selector === undefined || selector === null) return undefined;
  if (!isRecord(selector)) return { error: 'expected a label selector object' };
  const requirements: LabelRequirement[] = [];
  const { matchLabels, matchExpressions } = selector;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return { error: 'matchLabels: expected a map of strings' };
    for (const [key, value] of Object.entries(matchLabels)) {
      if (typeof value !== 'string') return { error: `matchLabels.${key}: expected a string` };
      requirements.push({ key, operator: 'In', values: [value] });
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return { error: 'matchExpressions: expected a list' };
    for (const [index, expression] of matchExpressions.entries()) {
      const parsed = parseExpression(expression, index);
      if ('error' in parsed) return parsed;
      requirements.push(parsed);
    }
  }
  return { requirements };
}

/** True when a parsed selector holds for `labels`; an empty selector holds for everything. */
export function requirementsMatch(
  selector: ParsedLabelSelector,
  labels: Readonly<Record<string, string>>,
): boolean {
  return selector.requirements.every(({ key, operator, values }) => {
    const present = Object.hasOwn(labels, key);
    switch (operator) {
      case 'In':
        return present && values.includes(labels[key] ?? '');
      case 'NotIn':
        return !present || !values.includes(labels[key] ?? '');
      case 'Exists':
        return present;
      case 'DoesNotExist':
        return !present;
    }
  });
}

/**
 * Kubernetes `LabelSelector` matching: a nil selector matches nothing, an empty one (`{}`)
 * matches everything (a NetworkPolicy `podSelector: {}` selects every pod of its namespace).
 * An invalid selector matches nothing, as the API server would have rejected it.
 */
export function labelSelectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  const parsed = parsedSelector(selector);
  if (parsed === undefined || 'error' in parsed) return false;
  return requirementsMatch(parsed, labels);
}

/** Parsed selectors by selector object: a policy's selector is matched against many pods. */
const parsedSelectors = new WeakMap<object, ParsedLabelSelector | SelectorError | undefined>();

function parsedSelector(selector: unknown): ParsedLabelSelector | SelectorError | undefined {
  if (selector === null || typeof selector !== 'object') return parseLabelSelector(selector);
  if (parsedSelectors.has(selector)) return parsedSelectors.get(selector);
  const parsed = parseLabelSelector(selector);
  parsedSelectors.set(selector, parsed);
  return parsed;
}

/**
 * Equality-based selector of a Service (`spec.selector`, a plain map): every pair must match. A
 * missing or empty map selects no pods — such Services have their endpoints managed by hand.
 */
export function serviceSelectorMatches(
  selector: unknown,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (!isRecord(selector)) return false;
  const entries = Object.entries(selector);
  if (entries.length === 0) return false;
  return entries.every(
    ([key, value]) =>
      typeof value === 'string' && Object.hasOwn(labels, key) && labels[key] === value,
  );
}
