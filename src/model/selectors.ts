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

/** Label key → value → ascending positions of the entries that carry (or require) the pair. */
type Postings = Map<string, Map<string, number[]>>;

function addPosting(postings: Postings, key: string, value: string, position: number): void {
  let values = postings.get(key);
  if (values === undefined) {
    values = new Map();
    postings.set(key, values);
  }
  const positions = values.get(value);
  if (positions === undefined) values.set(value, [position]);
  else positions.push(position);
}

/** The `In` requirement (matchLabels included) of a selector with the fewest values, if any. */
function narrowestIn(selector: ParsedLabelSelector): LabelRequirement | undefined {
  let best: LabelRequirement | undefined;
  for (const requirement of selector.requirements) {
    if (requirement.operator !== 'In') continue;
    if (best === undefined || requirement.values.length < best.values.length) best = requirement;
  }
  return best;
}

/**
 * Indexes many label selectors (of NetworkPolicies, say) to answer, for the labels of one pod
 * template, which of them select it: the same entries, in the same order, as filtering `entries`
 * with {@link labelSelectorMatches}, but only selectors that can hold are tried. A selector with
 * an `In` requirement (every matchLabels pair is one) can only hold for labels carrying one of
 * its values; the others are always tried.
 */
export function indexSelectors<T>(
  entries: readonly T[],
  selectorOf: (entry: T) => unknown,
): (labels: Readonly<Record<string, string>>) => T[] {
  const parsed: (ParsedLabelSelector | undefined)[] = [];
  const always: number[] = [];
  const postings: Postings = new Map();
  entries.forEach((entry, position) => {
    const selector = parsedSelector(selectorOf(entry));
    // Nil and invalid selectors match nothing.
    if (selector === undefined || 'error' in selector) return;
    parsed[position] = selector;
    const requirement = narrowestIn(selector);
    if (requirement === undefined) always.push(position);
    else
      for (const value of new Set(requirement.values))
        addPosting(postings, requirement.key, value, position);
  });
  // Asked once per pod template for every policy-like control: plain loops, no spreads.
  return (labels) => {
    let positions: readonly number[] = always;
    let posted: number[] | undefined;
    for (const key in labels) {
      if (!Object.hasOwn(labels, key)) continue;
      const found = postings.get(key)?.get(labels[key] as string);
      if (found === undefined) continue;
      posted ??= always.slice();
      for (const position of found) posted.push(position);
    }
    // A selector is posted under one key and `labels` has one value per key: no duplicates.
    if (posted !== undefined) positions = posted.sort((a, b) => a - b);
    const selected: T[] = [];
    for (const position of positions) {
      const selector = parsed[position];
      const entry = entries[position];
      if (selector !== undefined && entry !== undefined && requirementsMatch(selector, labels))
        selected.push(entry);
    }
    return selected;
  };
}

/**
 * Indexes the labels of many entries (pod templates, workloads) to answer, for one label
 * selector, which of them it selects: the same entries, in the same order, as filtering
 * `entries` with {@link labelSelectorMatches}, but only entries carrying a value of the
 * selector's narrowest `In` requirement are tried (all of them when it has none).
 */
export function indexLabels<T>(
  entries: readonly T[],
  labelsOf: (entry: T) => Readonly<Record<string, string>>,
): (selector: unknown) => T[] {
  const labels = entries.map(labelsOf);
  const postings: Postings = new Map();
  labels.forEach((pairs, position) => {
    for (const [key, value] of Object.entries(pairs)) addPosting(postings, key, value, position);
  });
  return (selector) => {
    const parsed = parsedSelector(selector);
    if (parsed === undefined || 'error' in parsed) return [];
    const requirement = narrowestIn(parsed);
    let positions: number[];
    if (requirement === undefined) positions = entries.map((_, position) => position);
    else {
      positions = [];
      const values = postings.get(requirement.key);
      for (const value of new Set(requirement.values))
        positions.push(...(values?.get(value) ?? []));
      // An entry has one value per key, so it is found under at most one of the values.
      if (requirement.values.length > 1) positions.sort((a, b) => a - b);
    }
    const selected: T[] = [];
    for (const position of positions) {
      const entry = entries[position];
      const pairs = labels[position];
      if (entry !== undefined && pairs !== undefined && requirementsMatch(parsed, pairs))
        selected.push(entry);
    }
    return selected;
  };
}
