import type { Environment, Optional } from '@marcbachmann/cel-js';
import { cel } from '../../core/lazy-require.js';
import { DEFAULT_CEL_LIMITS, tick, withBudget, type CelLimits } from './budget.js';
import { registerListLibrary } from './library-lists.js';
import { registerMathLibrary } from './library-math.js';
import { registerNetLibrary } from './library-net.js';
import { registerQuantityLibrary } from './library-quantity.js';
import { registerSetsLibrary } from './library-sets.js';
import { RE2_MATCHES, registerStringLibrary } from './library-strings.js';
import { registerUrlSemverLibrary } from './library-url-semver.js';

/** Variables a ValidatingAdmissionPolicy expression may read. */
export const VAP_VARIABLES = [
  'object',
  'oldObject',
  'params',
  'namespaceObject',
  'request',
  'authorizer',
  'variables',
] as const;

let shared: Environment | undefined;

/** The CEL environment with the Kubernetes libraries, built once. */
export function celEnvironment(): Environment {
  if (shared !== undefined) return shared;
  const env = new (cel().Environment)({
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    limits: { maxDepth: 100 },
  });
  for (const name of VAP_VARIABLES) env.registerVariable(name, 'dyn');
  registerStringLibrary(env);
  registerListLibrary(env);
  registerQuantityLibrary(env);
  registerNetLibrary(env);
  registerUrlSemverLibrary(env);
  registerSetsLibrary(env);
  registerMathLibrary(env);
  shared = env;
  return env;
}

/** A compiled expression: evaluate it as often as needed. */
export interface CompiledCel {
  readonly expression: string;
  /** Identifiers among {@link VAP_VARIABLES} the expression reads. */
  readonly reads: ReadonlySet<string>;
  /** The first field path read from `object` (`object.spec.replicas` → spec, replicas). */
  readonly objectPath: readonly string[];
  /** Throws on evaluation errors and when the limits are exceeded. */
  evaluate(variables: Readonly<Record<string, unknown>>): unknown;
}

/** Why an expression does not compile. */
export interface CelCompileError {
  readonly error: string;
}

interface Node {
  op: string;
  args: unknown;
  readonly meta: { alternate?: unknown; macro?: unknown; evaluate?: unknown };
  evaluate: (ev: unknown, ast: unknown, ctx: unknown) => unknown;
}

function isNode(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && 'op' in value && 'meta' in value;
}

/** cel-js's macro record for `x.or(y)` / `x.orValue(y)`. */
interface OptionalMacro {
  functionDesc: string;
  receiver: unknown;
  evaluate: (ev: Runner, macro: OptionalMacro, ctx: unknown) => unknown;
  onHasValue: (optional: Optional) => unknown;
  onEmpty: (ev: Runner, macro: OptionalMacro, ctx: unknown) => unknown;
}

interface Runner {
  run(ast: unknown, ctx: unknown): unknown;
}

const OR_MACROS: ReadonlySet<string> = new Set([
  'optional.or(optional)',
  'optional.orValue(value)',
]);

function isOptionalMacro(value: unknown): value is OptionalMacro {
  return (
    value !== null &&
    typeof value === 'object' &&
    OR_MACROS.has((value as { functionDesc?: unknown }).functionDesc as string) &&
    typeof (value as { evaluate?: unknown }).evaluate === 'function'
  );
}

/**
 * cel-go (up to v0.27, as in Kubernetes and Kyverno) returns a non-optional receiver of `or` /
 * `orValue` unchanged, so `container.volumeMounts.orValue([])` is the list itself; cel-js would
 * fail. Policies in the wild rely on cel-go's behaviour.
 */
function lenientOr(macro: OptionalMacro): void {
  macro.evaluate = (ev, m, ctx) => {
    const value = ev.run(m.receiver, ctx);
    if (!(value instanceof cel().Optional)) return value;
    return value.hasValue() ? m.onHasValue(value) : m.onEmpty(ev, m, ctx);
  };
}

/**
 * Visits every node once: renames `matches` to the RE2 implementation, records which root
 * variables are read, and meters comprehension steps so nested macros cannot run unbounded.
 */
function instrument(node: unknown, reads: Set<string>, seen: Set<unknown>): void {
  if (Array.isArray(node)) {
    for (const item of node) instrument(item, reads, seen);
    return;
  }
  if (!isNode(node) || seen.has(node)) {
    if (node !== null && typeof node === 'object' && !isNode(node)) {
      for (const value of Object.values(node)) instrument(value, reads, seen);
    }
    return;
  }
  seen.add(node);
  const args = node.args;
  if (node.op === 'id' && typeof args === 'string') reads.add(args);
  if ((node.op === 'rcall' || node.op === 'call') && Array.isArray(args) && args[0] === 'matches') {
    args[0] = RE2_MATCHES;
  }
  if (node.op === 'comprehension' && args !== null && typeof args === 'object') {
    const step = (args as { step?: unknown }).step;
    if (isNode(step)) meter(step);
  }
  if (node.meta.alternate !== undefined) instrument(node.meta.alternate, reads, seen);
  if (isOptionalMacro(node.meta.macro)) lenientOr(node.meta.macro);
  if (node.meta.macro !== undefined) instrument(node.meta.macro, reads, seen);
  instrument(args, reads, seen);
}

/** The member chain of a `.`/`.?` node rooted at `object`, or undefined. */
function objectChain(node: Node): string[] | undefined {
  const keys: string[] = [];
  let current: unknown = node;
  while (isNode(current) && (current.op === '.' || current.op === '.?')) {
    const [inner, key] = current.args as [unknown, unknown];
    if (typeof key !== 'string') return undefined;
    keys.unshift(key);
    current = inner;
  }
  return isNode(current) && current.op === 'id' && current.args === 'object' ? keys : undefined;
}

function firstObjectPath(node: unknown, seen: Set<unknown>): string[] | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = firstObjectPath(item, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object' || seen.has(node)) return undefined;
  seen.add(node);
  if (!isNode(node)) return firstObjectPath(Object.values(node), seen);
  const chain = objectChain(node);
  if (chain !== undefined && chain.length > 0) return chain;
  return firstObjectPath([node.meta.alternate, node.args], seen);
}

function meter(node: Node): void {
  const meta = node.meta;
  node.evaluate = function metered(ev, ast, ctx) {
    tick();
    if (isNode(meta.alternate)) return meta.alternate.evaluate(ev, meta.alternate, ctx);
    if (typeof meta.evaluate !== 'function') throw new Error('CEL node cannot be evaluated');
    return (meta.evaluate as Node['evaluate'])(ev, ast, ctx);
  };
}

/**
 * Parses, instruments and type-checks one expression, in `env` (the Kubernetes environment unless
 * a caller extends it, as Kyverno's ValidatingPolicy libraries do).
 */
export function compileCel(
  expression: string,
  limits: CelLimits = DEFAULT_CEL_LIMITS,
  env: Environment = celEnvironment(),
): CompiledCel | CelCompileError {
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(expression);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const reads = new Set<string>();
  instrument(parsed.ast, reads, new Set());
  const checked = parsed.check();
  // authorizer calls cannot be type-checked offline; such expressions are skipped when judged.
  if (!checked.valid && !reads.has('authorizer')) {
    return { error: checked.error instanceof Error ? checked.error.message : 'type error' };
  }
  return {
    expression,
    reads,
    objectPath: firstObjectPath(parsed.ast, new Set()) ?? [],
    evaluate: (variables) =>
      withBudget(limits, () => parsed(variables as Record<string, unknown>) as unknown),
  };
}

export function isCompileError(value: CompiledCel | CelCompileError): value is CelCompileError {
  return 'error' in value;
}
