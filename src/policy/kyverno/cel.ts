import { CubecapeError } from '../../core/errors.js';
import { isRecord, type KubeObject } from '../../model/resource.js';
import { compileCel, isCompileError, type CompiledCel } from '../cel/compile.js';
import { lazyVariables, selectParams, validationMessage } from '../cel/vap-evaluate.js';
import type { CompiledValidation, NamedExpression } from '../cel/vap-load.js';
import { resourceOfKind } from '../cel/vap-match.js';
import { toCelValue } from '../cel/values.js';
import type { Verdict } from './validate.js';

/** What a `validate.cel` rule may consult besides the request. */
export interface CelRuleContext {
  /** The resource's Namespace object; Kyverno's CLI knows only its name. */
  readonly namespaceObject?: (name: string) => Readonly<Record<string, unknown>> | undefined;
  /** Candidate parameter objects of a kind (`paramKind`), from the scanned or test resources. */
  readonly paramObjects?: (apiVersion: string, kind: string) => readonly KubeObject[];
}

/** A `validate.cel` block with every expression compiled. */
interface CompiledCelRule {
  readonly preconditions: readonly NamedExpression[];
  readonly variables: readonly NamedExpression[];
  readonly validations: readonly CompiledValidation[];
  readonly auditAnnotations: readonly CompiledCel[];
}

const MAX_CACHED = 2_000;
const compiledCache = new Map<string, CompiledCel>();

/** Compiles one expression, reusing earlier compilations; throws a rule error on failure. */
function compile(source: unknown, where: string): CompiledCel {
  if (typeof source !== 'string' || source.trim() === '') {
    throw new CubecapeError('CONTROL_ERROR', `${where}: expected a CEL expression`);
  }
  const cached = compiledCache.get(source);
  if (cached !== undefined) return cached;
  const compiled = compileCel(source);
  if (isCompileError(compiled)) {
    const first = compiled.error.split('\n')[0] ?? compiled.error;
    throw new CubecapeError('CONTROL_ERROR', `${where}: ${first}`);
  }
  if (compiledCache.size >= MAX_CACHED) compiledCache.clear();
  compiledCache.set(source, compiled);
  return compiled;
}

const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

function namedList(items: unknown, where: string): NamedExpression[] {
  return listOf(items).map((item, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(item) || typeof item.name !== 'string') {
      throw new CubecapeError('CONTROL_ERROR', `${at}: expected an object with a name`);
    }
    return { name: item.name, expression: compile(item.expression, `${at}.expression`) };
  });
}

function compileRule(
  cel: Readonly<Record<string, unknown>>,
  ruleMessage: string | undefined,
  celPreconditions: unknown,
): CompiledCelRule {
  const validations = listOf(cel.expressions).map((item, index): CompiledValidation => {
    const at = `validate.cel.expressions[${index}]`;
    if (!isRecord(item)) throw new CubecapeError('CONTROL_ERROR', `${at}: expected an object`);
    const own = stringOf(item.message);
    return {
      expression: compile(item.expression, `${at}.expression`),
      // Kyverno gives expressions without a message the rule's message.
      message: own === undefined || own === '' ? ruleMessage : own,
      messageExpression:
        item.messageExpression === undefined
          ? undefined
          : compile(item.messageExpression, `${at}.messageExpression`),
      reason: stringOf(item.reason) ?? 'Invalid',
    };
  });
  const auditAnnotations = listOf(cel.auditAnnotations).map((item, index) => {
    const at = `validate.cel.auditAnnotations[${index}].valueExpression`;
    return compile(isRecord(item) ? item.valueExpression : undefined, at);
  });
  return {
    preconditions: namedList(celPreconditions, 'celPreconditions'),
    variables: namedList(cel.variables, 'validate.cel.variables'),
    validations,
    auditAnnotations,
  };
}

function requestOf(request: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const kind = isRecord(request.kind) ? request.kind : {};
  const group = stringOf(kind.group) ?? '';
  const version = stringOf(kind.version) ?? '';
  const kindName = stringOf(kind.kind) ?? '';
  const userInfo = isRecord(request.userInfo) ? request.userInfo : {};
  return toCelValue({
    uid: '',
    operation: stringOf(request.operation) ?? 'CREATE',
    kind: { group, version, kind: kindName },
    resource: { group, version, resource: resourceOfKind(kindName) },
    requestKind: { group, version, kind: kindName },
    name: stringOf(request.name) ?? '',
    namespace: stringOf(request.namespace) ?? '',
    userInfo: {
      username: stringOf(userInfo.username) ?? '',
      groups: listOf(userInfo.groups).filter((g) => typeof g === 'string'),
    },
    dryRun: false,
  }) as Record<string, unknown>;
}

function namespaceObjectOf(
  request: Readonly<Record<string, unknown>>,
  ctx: CelRuleContext,
): Readonly<Record<string, unknown>> | null {
  const kind = isRecord(request.kind) ? request.kind : {};
  // A Namespace has no namespace object of its own.
  if (kind.kind === 'Namespace' && kind.group === '') return null;
  const name = stringOf(request.namespace) ?? '';
  if (name === '') return null;
  return ctx.namespaceObject?.(name) ?? { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** The parameter objects a rule reads; `[null]` when it has no `paramKind`/`paramRef`. */
function paramsOf(
  cel: Readonly<Record<string, unknown>>,
  namespace: string,
  ctx: CelRuleContext,
): readonly (KubeObject | null)[] {
  const kind = cel.paramKind;
  const ref = cel.paramRef;
  if (!isRecord(kind) || !isRecord(ref)) return [null];
  const apiVersion = stringOf(kind.apiVersion) ?? '';
  const kindName = stringOf(kind.kind) ?? '';
  const candidates = ctx.paramObjects?.(apiVersion, kindName) ?? [];
  const found = selectParams(
    candidates,
    { apiVersion, kind: kindName },
    { name: stringOf(ref.name), namespace: stringOf(ref.namespace), selector: ref.selector },
    namespace === '' ? undefined : namespace,
  );
  if (found.length === 0 && ref.parameterNotFoundAction !== 'Allow') {
    const what = stringOf(ref.name) ?? 'matching the selector';
    throw new CubecapeError('CONTROL_ERROR', `no ${kindName} parameter object ${what} found`);
  }
  return found;
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);

/** Thrown by {@link evaluate}: an expression failed to evaluate. */
class EvaluationFailure extends Error {
  override readonly name = 'EvaluationFailure';
}

function evaluate(compiled: CompiledCel, vars: Record<string, unknown>): unknown {
  try {
    return compiled.evaluate(vars);
  } catch (error) {
    throw new EvaluationFailure(
      `expression ${JSON.stringify(compiled.expression.trim())} failed: ${describe(error)}`,
    );
  }
}

function judge(rule: CompiledCelRule, vars: Record<string, unknown>): Verdict | undefined {
  for (const { expression } of rule.preconditions) {
    if (evaluate(expression, vars) !== true)
      return { result: 'skip', detail: 'cel preconditions not met' };
  }
  for (const validation of rule.validations) {
    if (evaluate(validation.expression, vars) === true) continue;
    const path = validation.expression.objectPath;
    return {
      result: 'fail',
      message: validationMessage(validation, vars),
      ...(path.length > 0 ? { path } : {}),
    };
  }
  for (const annotation of rule.auditAnnotations) evaluate(annotation, vars);
  return undefined;
}

/**
 * Evaluates a Kyverno `validate.cel` rule as Kyverno does, through the Kubernetes CEL admission
 * machinery: `celPreconditions` (match conditions), then `variables`, `expressions` and
 * `auditAnnotations`, once per parameter object. The first expression that is not true fails
 * the rule with its `messageExpression`, `message`, or the rule's message. An expression that
 * fails to evaluate fails the rule too (Kyverno runs CEL with failure policy Fail); expressions
 * that do not compile and a missing parameter object throw a rule error.
 */
export function celVerdict(
  validate: Readonly<Record<string, unknown>>,
  celPreconditions: unknown,
  data: Readonly<Record<string, unknown>>,
  ctx: CelRuleContext,
): Verdict {
  const cel = isRecord(validate.cel) ? validate.cel : {};
  const rule = compileRule(cel, stringOf(validate.message), celPreconditions);
  const request = isRecord(data.request) ? data.request : {};
  const base = {
    object: toCelValue(request.object ?? null),
    oldObject: toCelValue(request.oldObject ?? null),
    namespaceObject: toCelValue(namespaceObjectOf(request, ctx)),
    request: requestOf(request),
  };
  for (const param of paramsOf(cel, stringOf(request.namespace) ?? '', ctx)) {
    const vars: Record<string, unknown> = { ...base, params: toCelValue(param) };
    vars.variables = lazyVariables(rule.variables, vars);
    try {
      const verdict = judge(rule, vars);
      if (verdict !== undefined) return verdict;
    } catch (error) {
      if (!(error instanceof EvaluationFailure)) throw error;
      return { result: 'fail', message: error.message };
    }
  }
  return { result: 'pass' };
}
