import { CubecapeError } from '../../core/errors.js';
import { isRecord } from '../../model/resource.js';
import { searchJmes } from './jmespath.js';

const WHOLE = /^\s*\{\{((?:\{[^{}]*\}|[^{}])*)\}\}\s*$/;
const MAX_DEPTH = 64;

/** The data `{{ }}` expressions read: `request`, `element`, context entries… */
export type VariableData = Readonly<Record<string, unknown>>;

/**
 * Resolves one expression. `@` stands for the resource value being matched in a pattern, so an
 * expression that mentions it is evaluated against that value.
 */
export function resolveExpression(
  expression: string,
  data: VariableData,
  current?: unknown,
): unknown {
  const trimmed = expression.trim();
  if (trimmed === '@') return current ?? null;
  const root = current !== undefined && /(^|[^\w$])@/.test(trimmed) ? current : data;
  const value = searchJmes(trimmed, root);
  return value === undefined ? null : value;
}

function interpolated(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? null);
}

const INNERMOST = /(^|[^\\])\{\{((?:(?!\{\{|\}\})[\s\S])*)\}\}/;
const MAX_SUBSTITUTIONS = 256;

/**
 * Substitutes the references in one string, innermost first (Kyverno nests them:
 * `{{ regex_match('x', '{{ a || '' }}') }}`). A lone reference keeps the value's type.
 */
export function substituteString(text: string, data: VariableData, current?: unknown): unknown {
  let rest = text;
  for (let round = 0; round < MAX_SUBSTITUTIONS && rest.includes('{{'); round++) {
    const whole = WHOLE.exec(rest);
    if (whole?.[1] !== undefined && !whole[1].includes('{{')) {
      return resolveExpression(whole[1], data, current);
    }
    const inner = INNERMOST.exec(rest);
    if (inner === null || inner[2] === undefined) break;
    const before = inner[1] ?? '';
    const value = interpolated(resolveExpression(inner[2], data, current));
    rest = rest.slice(0, inner.index) + before + value + rest.slice(inner.index + inner[0].length);
  }
  return rest.replace(/\\\{\{/g, '{{');
}

/**
 * Substitutes every `{{ }}` reference in a policy fragment (keys too), except inside the
 * subtrees `keep` names (nested `foreach` bodies, resolved later per element).
 * @throws CubecapeError `CONTROL_ERROR` when an expression is invalid or fails.
 */
export function substituteAll(
  value: unknown,
  data: VariableData,
  keep: ReadonlySet<string> = new Set(),
  depth = 0,
): unknown {
  if (depth > MAX_DEPTH) throw new CubecapeError('CONTROL_ERROR', 'policy is nested too deeply');
  if (typeof value === 'string') return substituteString(value, data);
  if (Array.isArray(value)) return value.map((item) => substituteAll(item, data, keep, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const newKey = key.includes('{{') ? interpolated(substituteString(key, data)) : key;
    out[newKey] = keep.has(key) ? child : substituteAll(child, data, keep, depth + 1);
  }
  return out;
}

/**
 * Substitutes references in a validate pattern, leaving those that mention `@` for the matcher
 * (they depend on the value being matched).
 */
export function substitutePattern(value: unknown, data: VariableData, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new CubecapeError('CONTROL_ERROR', 'pattern is nested too deeply');
  if (typeof value === 'string') return value.includes('@') ? value : substituteString(value, data);
  if (Array.isArray(value)) return value.map((item) => substitutePattern(item, data, depth + 1));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const newKey = key.includes('{{') ? interpolated(substituteString(key, data)) : key;
    out[newKey] = substitutePattern(child, data, depth + 1);
  }
  return out;
}
