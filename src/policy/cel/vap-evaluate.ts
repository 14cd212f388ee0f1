import type { JsonPath } from '../../core/json-path.js';
import { isRecord, type KubeObject, type Resource } from '../../model/resource.js';
import { labelSelectorMatches, labelsOf } from '../../model/selectors.js';
import type { CompiledCel } from './compile.js';
import { resourceOfKind, matchesResources } from './vap-match.js';
import type {
  CompiledValidation,
  NamedExpression,
  ValidationAction,
  VapBinding,
  VapParamRef,
  VapPolicy,
} from './vap-load.js';
import { toCelValue } from './values.js';

/** What evaluation may consult besides the resource. */
export interface VapContext {
  namespaceObject(name: string): KubeObject | undefined;
  /** Candidate parameter objects (filtered by the policy's paramKind). */
  readonly objects: readonly KubeObject[];
}

export interface VapViolation {
  readonly message: string;
  readonly reason: string;
  readonly expression: string;
  readonly path: JsonPath;
}

/** The verdict of one policy, through one binding (and one param object), on one resource. */
export interface VapResult {
  readonly policy: string;
  readonly binding: string;
  readonly param?: string;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly actions: readonly ValidationAction[];
  readonly violations: readonly VapViolation[];
  readonly auditAnnotations: Readonly<Record<string, string>>;
  readonly reason?: string;
}

/** Used when a policy has no binding among the inputs: judge as if bound with Deny. */
export function implicitBinding(policy: VapPolicy): VapBinding {
  return {
    name: '',
    file: policy.file,
    policyName: policy.name,
    paramRef: undefined,
    matchResources: undefined,
    validationActions: ['Deny'],
  };
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The admission `request` variable for a CREATE of `resource`. */
export function requestOf(resource: Resource): Record<string, unknown> {
  const version = resource.apiVersion.slice(resource.apiVersion.indexOf('/') + 1);
  return toCelValue({
    uid: '',
    operation: 'CREATE',
    kind: { group: resource.group, version, kind: resource.kind },
    resource: { group: resource.group, version, resource: resourceOfKind(resource.kind) },
    requestKind: { group: resource.group, version, kind: resource.kind },
    name: resource.name,
    namespace: resource.namespace ?? '',
    userInfo: { username: '', groups: [] },
    dryRun: false,
  }) as Record<string, unknown>;
}

/** `variables.x` is computed on first use and memoised, errors included. */
export function lazyVariables(
  variables: readonly NamedExpression[],
  vars: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { name, expression } of variables) {
    let state: { value: unknown } | { error: unknown } | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        state ??= (() => {
          try {
            return { value: expression.evaluate(vars) };
          } catch (error) {
            return { error };
          }
        })();
        if ('error' in state) throw state.error;
        return state.value;
      },
    });
  }
  return out;
}

function paramsFor(
  policy: VapPolicy,
  binding: VapBinding,
  resource: Resource,
  ctx: VapContext,
): readonly KubeObject[] | string {
  const kind = policy.paramKind;
  const ref = binding.paramRef;
  if (kind === undefined) return [];
  if (ref === undefined) return 'the policy has paramKind but the binding has no paramRef';
  return selectParams(ctx.objects, kind, ref, resource.namespace);
}

/**
 * The objects a `paramRef` names among `objects`: of the param kind, in the ref's namespace (else
 * the resource's), by name or else by label selector.
 */
export function selectParams(
  objects: readonly KubeObject[],
  kind: { readonly apiVersion: string; readonly kind: string },
  ref: Pick<VapParamRef, 'name' | 'namespace' | 'selector'>,
  resourceNamespace: string | undefined,
): KubeObject[] {
  return objects.filter((object) => {
    if (object['kind'] !== kind.kind || object['apiVersion'] !== kind.apiVersion) return false;
    const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
    const namespace = metadata['namespace'];
    const wanted = ref.namespace ?? resourceNamespace;
    if (typeof namespace === 'string' && wanted !== undefined && namespace !== wanted) return false;
    if (ref.name !== undefined) return metadata['name'] === ref.name;
    return labelSelectorMatches(ref.selector ?? {}, labelsOf(metadata));
  });
}

/** A failed validation's message: `messageExpression`, else `message`, else the expression. */
export function validationMessage(
  validation: Pick<CompiledValidation, 'expression' | 'message' | 'messageExpression'>,
  vars: Record<string, unknown>,
): string {
  if (validation.messageExpression !== undefined) {
    try {
      const value = validation.messageExpression.evaluate(vars);
      if (typeof value === 'string' && value.trim() !== '' && !value.includes('\n')) return value;
    } catch {
      // Kubernetes falls back to `message` when messageExpression fails.
    }
  }
  const message = validation.message ?? '';
  return message.trim() === ''
    ? `failed expression: ${validation.expression.expression.trim()}`
    : message;
}

interface Run {
  readonly violations: VapViolation[];
  readonly annotations: Record<string, string>;
  readonly skip?: string;
}

function failure(policy: VapPolicy, compiled: CompiledCel, error: unknown): VapViolation {
  return {
    message: `expression ${JSON.stringify(compiled.expression)} failed: ${describe(error)}`,
    reason: 'InternalError',
    expression: compiled.expression,
    path: [],
  };
}

function runOnce(policy: VapPolicy, vars: Record<string, unknown>): Run | undefined {
  const violations: VapViolation[] = [];
  const onError = (compiled: CompiledCel, error: unknown): void => {
    if (policy.failurePolicy === 'Fail') violations.push(failure(policy, compiled, error));
  };
  for (const { expression } of policy.matchConditions) {
    try {
      if (expression.evaluate(vars) === false) return undefined;
    } catch (error) {
      onError(expression, error);
      return { violations, annotations: {} };
    }
  }
  for (const validation of policy.validations) {
    try {
      const passed = validation.expression.evaluate(vars);
      if (passed === true) continue;
      if (passed !== false) throw new Error('expected a bool result');
      violations.push({
        message: validationMessage(validation, vars),
        reason: validation.reason,
        expression: validation.expression.expression,
        path: validation.expression.objectPath,
      });
    } catch (error) {
      onError(validation.expression, error);
    }
  }
  const annotations: Record<string, string> = {};
  for (const { key, value } of policy.auditAnnotations) {
    try {
      const text = value.evaluate(vars);
      if (typeof text === 'string') annotations[`${policy.name}/${key}`] = text;
    } catch (error) {
      onError(value, error);
    }
  }
  return { violations, annotations };
}

const usesAuthorizer = (policy: VapPolicy): boolean =>
  [
    ...policy.matchConditions.map((m) => m.expression),
    ...policy.variables.map((v) => v.expression),
    ...policy.validations.flatMap((v) => [v.expression, v.messageExpression]),
    ...policy.auditAnnotations.map((a) => a.value),
  ].some((compiled) => compiled?.reads.has('authorizer') === true);

/**
 * Judges one resource (as a CREATE) against a policy through each binding that selects it, as
 * the API server would. Bindings for other policies are ignored; when `bindings` holds none for
 * this policy, the policy is judged through an implicit Deny binding.
 */
export function evaluateVap(
  policy: VapPolicy,
  bindings: readonly VapBinding[],
  resource: Resource,
  ctx: VapContext,
): VapResult[] {
  const own = bindings.filter((b) => b.policyName === policy.name);
  const namespaceOf = (name: string): KubeObject | undefined => ctx.namespaceObject(name);
  if (policy.matchConstraints === undefined) return [];
  if (!matchesResources(policy.matchConstraints, resource, namespaceOf, true)) return [];
  const results: VapResult[] = [];
  for (const binding of own.length === 0 ? [implicitBinding(policy)] : own) {
    const { matchResources } = binding;
    if (
      matchResources !== undefined &&
      !matchesResources(matchResources, resource, namespaceOf, false)
    ) {
      continue;
    }
    const base = { policy: policy.name, binding: binding.name, actions: binding.validationActions };
    const empty = { violations: [], auditAnnotations: {} };
    if (usesAuthorizer(policy)) {
      results.push({
        ...base,
        ...empty,
        status: 'skip',
        reason: 'authorizer checks need a live cluster',
      });
      continue;
    }
    const params = paramsFor(policy, binding, resource, ctx);
    if (typeof params === 'string') {
      const status = policy.failurePolicy === 'Fail' ? 'fail' : 'skip';
      results.push({ ...base, ...empty, status, reason: params });
      continue;
    }
    if (policy.paramKind !== undefined && params.length === 0) {
      const deny = binding.paramRef?.parameterNotFoundAction !== 'Allow';
      const violation = {
        message: 'no parameter object found',
        reason: 'Invalid',
        expression: '',
        path: [],
      };
      results.push({
        ...base,
        ...empty,
        ...(deny ? { violations: [violation] } : {}),
        status: deny ? 'fail' : 'skip',
        reason: 'no parameter object found',
      });
      continue;
    }
    results.push(...judge(policy, resource, ctx, params, base));
  }
  return results;
}

function judge(
  policy: VapPolicy,
  resource: Resource,
  ctx: VapContext,
  params: readonly KubeObject[],
  base: Pick<VapResult, 'policy' | 'binding' | 'actions'>,
): VapResult[] {
  const object = toCelValue(resource.object);
  const nsName = resource.namespace;
  const namespaceObject =
    nsName === undefined ? null : toCelValue(ctx.namespaceObject(nsName) ?? null);
  const results: VapResult[] = [];
  for (const param of policy.paramKind === undefined ? [null] : params) {
    const vars: Record<string, unknown> = {
      object,
      oldObject: null,
      params: toCelValue(param),
      namespaceObject,
      request: requestOf(resource),
    };
    vars['variables'] = lazyVariables(policy.variables, vars);
    const run = runOnce(policy, vars);
    if (run === undefined) continue;
    const paramName =
      param !== null && isRecord(param['metadata']) ? param['metadata']['name'] : undefined;
    results.push({
      ...base,
      ...(typeof paramName === 'string' ? { param: paramName } : {}),
      status: run.violations.length > 0 ? 'fail' : 'pass',
      violations: run.violations,
      auditAnnotations: run.annotations,
    });
  }
  return results;
}
