import type { JsonPath } from '../../core/json-path.js';
import { isClusterScoped } from '../../model/cluster-scoped.js';
import type { KubeObject, Resource } from '../../model/resource.js';
import type { CompiledCel } from '../cel/compile.js';
import { lazyVariables, requestOf, selectParams, validationMessage } from '../cel/vap-evaluate.js';
import { matchesResources } from '../cel/vap-match.js';
import { toCelValue } from '../cel/values.js';
import { KyvernoLibraryContext, libraryVariables } from './cel-libraries.js';
import type { ValidatingPolicy, VpolVariant } from './validating-policy-load.js';

/** What a ValidatingPolicy may consult besides the resource. */
export interface VpolContext {
  /** The Namespace object of a name, when known; Kyverno's CLI otherwise knows the name only. */
  readonly namespaceObject?: ((name: string) => KubeObject | undefined) | undefined;
  /** Objects `resource.Get/List` and `paramRef` read: the scanned set, or a test's context. */
  readonly objects?: readonly KubeObject[] | undefined;
  /** Candidate parameter objects; defaults to {@link objects}. */
  readonly paramObjects?: readonly KubeObject[] | undefined;
  /** The requesting user (`request.userInfo`); empty when not given. */
  readonly userInfo?: { readonly username: string; readonly groups: readonly string[] } | undefined;
}

/** The verdict of a ValidatingPolicy on one resource. */
export interface VpolResult {
  readonly policy: string;
  /** The variant that judged: empty for the policy itself, `autogen-…` for a pod controller. */
  readonly rule: string;
  readonly result: 'pass' | 'fail' | 'skip' | 'error';
  readonly message: string;
  readonly path?: JsonPath;
}

/** An expression failed to evaluate. */
class EvaluationFailure extends Error {
  override readonly name = 'EvaluationFailure';
}

const firstLine = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
};

function run(compiled: CompiledCel, vars: Record<string, unknown>): unknown {
  try {
    return compiled.evaluate(vars);
  } catch (error) {
    throw new EvaluationFailure(
      `expression ${JSON.stringify(compiled.expression.trim())} failed: ${firstLine(error)}`,
    );
  }
}

function namespaceObjectOf(resource: Resource, ctx: VpolContext): unknown {
  if (resource.kind === 'Namespace' || isClusterScoped(resource.kind)) return null;
  const name = resource.namespace ?? 'default';
  return ctx.namespaceObject?.(name) ?? { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

function paramsOf(
  policy: ValidatingPolicy,
  resource: Resource,
  ctx: VpolContext,
): readonly (KubeObject | null)[] | string {
  const kind = policy.paramKind;
  const ref = policy.paramRef;
  if (kind === undefined || ref === undefined) return [null];
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const found = selectParams(
    ctx.paramObjects ?? ctx.objects ?? [],
    kind,
    { name: str(ref.name), namespace: str(ref.namespace), selector: ref.selector },
    resource.namespace,
  );
  if (found.length > 0) return found;
  if (ref.parameterNotFoundAction === 'Allow') return [];
  return `no ${kind.kind} parameter object ${str(ref.name) ?? 'matching the selector'} found`;
}

type Outcome = Omit<VpolResult, 'policy' | 'rule'>;

/** Runs matchConditions, then validations and audit annotations, for one parameter object. */
function judge(variant: VpolVariant, vars: Record<string, unknown>): Outcome | undefined {
  for (const { name, expression } of variant.matchConditions) {
    if (run(expression, vars) !== true)
      return { result: 'skip', message: `match condition ${name} not met` };
  }
  for (const validation of variant.validations) {
    if (run(validation.expression, vars) === true) continue;
    const path = validation.expression.objectPath;
    return {
      result: 'fail',
      message: validationMessage(validation, vars),
      ...(path.length > 0 ? { path } : {}),
    };
  }
  for (const annotation of variant.auditAnnotations) run(annotation.value, vars);
  return undefined;
}

function evaluateVariant(
  policy: ValidatingPolicy,
  variant: VpolVariant,
  resource: Resource,
  ctx: VpolContext,
): Outcome {
  const params = paramsOf(policy, resource, ctx);
  if (typeof params === 'string') return { result: 'error', message: params };
  const library = new KyvernoLibraryContext(ctx.objects ?? []);
  const base = {
    ...libraryVariables(library),
    object: toCelValue(resource.object),
    oldObject: null,
    namespaceObject: toCelValue(namespaceObjectOf(resource, ctx)),
    request:
      ctx.userInfo === undefined
        ? requestOf(resource)
        : { ...requestOf(resource), userInfo: toCelValue(ctx.userInfo) },
  };
  let outcome: Outcome = { result: 'pass', message: 'validation passed' };
  try {
    for (const param of params) {
      const vars: Record<string, unknown> = { ...base, params: toCelValue(param) };
      vars.variables = lazyVariables(variant.variables, vars);
      const verdict = judge(variant, vars);
      if (verdict !== undefined) {
        outcome = verdict;
        break;
      }
    }
  } catch (error) {
    if (!(error instanceof EvaluationFailure)) throw error;
    outcome =
      policy.failurePolicy === 'Ignore'
        ? { result: 'skip', message: `${error.message} (failurePolicy Ignore)` }
        : { result: 'error', message: error.message };
  }
  // A verdict reached past a call cubecape cannot make offline is not a verdict.
  if (library.unsupported.length > 0)
    return { result: 'skip', message: `unsupported: ${library.unsupported.join(', ')}` };
  return outcome;
}

/**
 * Evaluates a Kyverno ValidatingPolicy on a resource as Kyverno's engine does for a CREATE:
 * the first variant (the policy, else an autogen rule for pod controllers) whose
 * matchConstraints select the resource runs its matchConditions (not met: skip), variables
 * and validations, once per parameter object. The first validation that is not true fails
 * with its messageExpression or message; an expression that cannot be evaluated is an error
 * (a skip under failurePolicy Ignore); calls that need a cluster or the network are reported
 * as unsupported skips. Undefined when the policy does not select the resource.
 */
export function evaluateValidatingPolicy(
  policy: ValidatingPolicy,
  resource: Resource,
  ctx: VpolContext = {},
): VpolResult | undefined {
  if (policy.namespace !== undefined && (resource.namespace ?? 'default') !== policy.namespace)
    return undefined;
  const namespaceOf = (name: string): KubeObject | undefined => ctx.namespaceObject?.(name);
  const variant = policy.variants.find((v) =>
    matchesResources(v.matchConstraints, resource, namespaceOf, true),
  );
  if (variant === undefined) return undefined;
  const outcome = evaluateVariant(policy, variant, resource, ctx);
  return { policy: policy.name, rule: variant.name, ...outcome };
}

/** True when a resource is selected by some variant of the policy (for control matching). */
export function selectsResource(
  policy: ValidatingPolicy,
  resource: Resource,
  namespaceObject: (name: string) => KubeObject | undefined,
): boolean {
  if (policy.namespace !== undefined && (resource.namespace ?? 'default') !== policy.namespace)
    return false;
  return policy.variants.some((v) =>
    matchesResources(v.matchConstraints, resource, namespaceObject, true),
  );
}
