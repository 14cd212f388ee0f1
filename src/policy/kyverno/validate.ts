import { CubecapeError } from '../../core/errors.js';
import type { JsonPath } from '../../core/json-path.js';
import { isRecord } from '../../model/resource.js';
import { evaluateConditions } from './conditions.js';
import { loadContext } from './context.js';
import { searchJmes } from './jmespath.js';
import { matchPattern, type PatternOutcome } from './pattern.js';
import { podSecurityFailures } from './pod-security.js';
import { substitutePattern, substituteString } from './variables.js';

/** Verdict of a validate body before it becomes a rule result. */
export interface Verdict {
  readonly result: 'pass' | 'fail' | 'skip';
  readonly detail?: string;
  /** The failure message in full, when the check words it (CEL rules); else the rule's message. */
  readonly message?: string;
  readonly path?: JsonPath;
}

const MAX_FOREACH_DEPTH = 4;
const MAX_FOREACH_ITEMS = 10_000;

interface Budget {
  items: number;
  /** Context names the supplied values cover: those entries are not loaded. */
  readonly supplied: ReadonlySet<string>;
}

function patternVerdict(target: unknown, pattern: unknown, data: Record<string, unknown>): Verdict {
  const substituted = substitutePattern(pattern, data);
  const outcome: PatternOutcome = matchPattern(target, substituted, {
    resolve: (text, current) => substituteString(text, data, current),
  });
  if (outcome.status === 'pass') return { result: 'pass' };
  if (outcome.status === 'fail')
    return { result: 'fail', detail: outcome.reason, path: outcome.path };
  return { result: 'skip', detail: `conditional anchor not met at ${outcome.path.join('/')}` };
}

function anyPatternVerdict(
  target: unknown,
  patterns: readonly unknown[],
  data: Record<string, unknown>,
): Verdict {
  let failure: Verdict | undefined;
  for (const pattern of patterns) {
    const verdict = patternVerdict(target, pattern, data);
    if (verdict.result === 'pass') return verdict;
    if (verdict.result === 'fail') failure ??= verdict;
  }
  return failure ?? { result: 'skip', detail: 'no pattern applies' };
}

function denyVerdict(deny: unknown, data: Record<string, unknown>): Verdict {
  const conditions = isRecord(deny) ? deny.conditions : undefined;
  return evaluateConditions(conditions, data)
    ? { result: 'fail', detail: 'deny conditions are met' }
    : { result: 'pass' };
}

/** Evaluates the checks of a validate body (or a foreach entry) against `target`. */
function bodyVerdict(
  body: Readonly<Record<string, unknown>>,
  target: unknown,
  data: Record<string, unknown>,
  budget: Budget,
  depth: number,
): Verdict {
  if (Array.isArray(body.foreach)) return foreachVerdict(body.foreach, data, budget, depth + 1);
  if (body.pattern !== undefined) return patternVerdict(target, body.pattern, data);
  if (Array.isArray(body.anyPattern)) return anyPatternVerdict(target, body.anyPattern, data);
  if (body.deny !== undefined) return denyVerdict(body.deny, data);
  return { result: 'skip', detail: 'nothing to check' };
}

function listOf(expression: unknown, data: Record<string, unknown>): readonly unknown[] {
  if (typeof expression !== 'string')
    throw new CubecapeError('CONTROL_ERROR', 'foreach needs a list');
  const text = expression.trim().replace(/^\{\{([\s\S]*)\}\}$/, '$1');
  const value = searchJmes(String(substituteString(text, data)), data);
  return Array.isArray(value) ? value : [];
}

function foreachVerdict(
  entries: readonly unknown[],
  data: Record<string, unknown>,
  budget: Budget,
  depth: number,
): Verdict {
  if (depth > MAX_FOREACH_DEPTH)
    throw new CubecapeError('CONTROL_ERROR', 'foreach is nested too deeply');
  let applied = 0;
  for (const entry of entries) {
    if (!isRecord(entry))
      throw new CubecapeError('CONTROL_ERROR', 'a foreach entry must be an object');
    const items = listOf(entry.list, data);
    for (const [index, element] of items.entries()) {
      if (++budget.items > MAX_FOREACH_ITEMS) {
        throw new CubecapeError('CONTROL_ERROR', 'foreach visits too many elements');
      }
      const elementData: Record<string, unknown> = {
        ...data,
        element,
        elementIndex: index,
        [`element${depth - 1}`]: element,
        [`elementIndex${depth - 1}`]: index,
      };
      const missing = loadContext(entry.context, elementData, budget.supplied);
      if (missing !== undefined) return { result: 'skip', detail: missing };
      if (!evaluateConditions(entry.preconditions, elementData)) continue;
      const request = isRecord(data.request) ? data.request.object : undefined;
      const target = entry.elementScope === false ? request : element;
      const verdict = bodyVerdict(entry, target, elementData, budget, depth);
      if (verdict.result === 'fail') {
        return { ...verdict, detail: `element ${index}: ${verdict.detail ?? 'failed'}` };
      }
      if (verdict.result === 'pass') applied++;
    }
  }
  return applied === 0 ? { result: 'skip', detail: 'no element to check' } : { result: 'pass' };
}

/**
 * Evaluates a rule's `validate` block against the resource in `data.request.object`. Signed-
 * manifest checks are not evaluated: they come back as skips with the reason. CEL rules are
 * evaluated by `celVerdict` (cel.ts).
 */
export function validateVerdict(
  validate: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
  supplied: ReadonlySet<string> = new Set(),
  pod?: Readonly<Record<string, unknown>>,
): Verdict {
  const request = isRecord(data.request) ? data.request : {};
  const target = request.object;
  if (validate.manifests !== undefined)
    return { result: 'skip', detail: 'manifest signature rules are not evaluated' };
  if (isRecord(validate.podSecurity)) {
    const failures = podSecurityFailures(
      validate.podSecurity,
      pod ?? (isRecord(target) ? target : {}),
    );
    const first = failures[0];
    if (first === undefined) return { result: 'pass' };
    return {
      result: 'fail',
      detail: failures.map((f) => f.reason).join('; '),
      ...(first.paths[0] === undefined ? {} : { path: first.paths[0] }),
    };
  }
  return bodyVerdict(validate, target, data, { items: 0, supplied }, 0);
}
