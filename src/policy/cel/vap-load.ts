import { isSeverity, type Severity } from '../../core/severity.js';
import { isRecord, type KubeObject } from '../../model/resource.js';
import { compileCel, isCompileError, type CompiledCel } from './compile.js';

const VAP_API = 'admissionregistration.k8s.io/v1';

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

/** A named expression (matchCondition or variable). */
export interface NamedExpression {
  readonly name: string;
  readonly expression: CompiledCel;
}

export interface CompiledValidation {
  readonly expression: CompiledCel;
  readonly message: string | undefined;
  readonly messageExpression: CompiledCel | undefined;
  readonly reason: string;
}

/** `matchConstraints` / `matchResources` as written; interpreted by vap-match.ts. */
export type MatchResources = Readonly<Record<string, unknown>>;

/** A ValidatingAdmissionPolicy with every expression compiled. */
export interface VapPolicy {
  readonly name: string;
  readonly file: string;
  readonly severity: Severity;
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly paramKind: { readonly apiVersion: string; readonly kind: string } | undefined;
  readonly matchConstraints: MatchResources | undefined;
  readonly matchConditions: readonly NamedExpression[];
  readonly variables: readonly NamedExpression[];
  readonly validations: readonly CompiledValidation[];
  readonly auditAnnotations: readonly { readonly key: string; readonly value: CompiledCel }[];
}

export interface VapParamRef {
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  readonly selector: unknown;
  readonly parameterNotFoundAction: 'Allow' | 'Deny';
}

export interface VapBinding {
  readonly name: string;
  readonly file: string;
  readonly policyName: string;
  readonly paramRef: VapParamRef | undefined;
  readonly matchResources: MatchResources | undefined;
  readonly validationActions: readonly ValidationAction[];
}

/** A document that does not load, with the reason. */
export interface CelPolicyProblem {
  readonly file: string;
  readonly name: string;
  readonly message: string;
}

/** Policies, bindings, and the objects they may consult (params, Namespaces). */
export interface LoadedCelPolicies {
  readonly policies: readonly VapPolicy[];
  readonly bindings: readonly VapBinding[];
  /** Every other loaded object: candidates for `paramRef`. */
  readonly objects: readonly KubeObject[];
  /** Namespace objects among the documents, by name, for namespaceSelector. */
  readonly namespaces: ReadonlyMap<string, KubeObject>;
  readonly problems: readonly CelPolicyProblem[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function metaName(object: KubeObject): string {
  const metadata = object['metadata'];
  return isRecord(metadata) ? (str(metadata['name']) ?? '') : '';
}

function compileOrProblem(
  source: unknown,
  where: string,
  problems: string[],
): CompiledCel | undefined {
  if (typeof source !== 'string' || source.trim() === '') {
    problems.push(`${where}: expected a CEL expression`);
    return undefined;
  }
  const compiled = compileCel(source);
  if (isCompileError(compiled)) {
    problems.push(`${where}: ${compiled.error.split('\n')[0] ?? compiled.error}`);
    return undefined;
  }
  return compiled;
}

function named(items: unknown, field: string, key: string, problems: string[]): NamedExpression[] {
  const out: NamedExpression[] = [];
  for (const [index, item] of list(items).entries()) {
    const where = `spec.${field}[${index}]`;
    if (!isRecord(item) || typeof item['name'] !== 'string') {
      problems.push(`${where}: expected an object with a name`);
      continue;
    }
    const expression = compileOrProblem(item[key], `${where}.${key}`, problems);
    if (expression !== undefined) out.push({ name: item['name'], expression });
  }
  return out;
}

function validations(spec: Record<string, unknown>, problems: string[]): CompiledValidation[] {
  const out: CompiledValidation[] = [];
  for (const [index, item] of list(spec['validations']).entries()) {
    const where = `spec.validations[${index}]`;
    if (!isRecord(item)) {
      problems.push(`${where}: expected an object`);
      continue;
    }
    const expression = compileOrProblem(item['expression'], `${where}.expression`, problems);
    const messageExpression =
      item['messageExpression'] === undefined
        ? undefined
        : compileOrProblem(item['messageExpression'], `${where}.messageExpression`, problems);
    if (expression === undefined) continue;
    out.push({
      expression,
      message: str(item['message']),
      messageExpression,
      reason: str(item['reason']) ?? 'Invalid',
    });
  }
  return out;
}

function severityOf(object: KubeObject): Severity {
  const metadata = object['metadata'];
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  const value = isRecord(annotations) ? str(annotations['cubecape.io/severity']) : undefined;
  const lower = value?.toLowerCase();
  return isSeverity(lower) ? lower : 'medium';
}

function loadPolicy(object: KubeObject, file: string, problems: string[]): VapPolicy | undefined {
  const spec = object['spec'];
  if (!isRecord(spec)) {
    problems.push('spec: expected an object');
    return undefined;
  }
  const paramKind = spec['paramKind'];
  const annotations = list(spec['auditAnnotations']).flatMap((item, index) => {
    if (!isRecord(item) || typeof item['key'] !== 'string') return [];
    const where = `spec.auditAnnotations[${index}].valueExpression`;
    const value = compileOrProblem(item['valueExpression'], where, problems);
    return value === undefined ? [] : [{ key: item['key'], value }];
  });
  const matchConstraints = isRecord(spec['matchConstraints'])
    ? spec['matchConstraints']
    : undefined;
  if (matchConstraints === undefined) problems.push('spec.matchConstraints: required');
  return {
    name: metaName(object),
    file,
    severity: severityOf(object),
    failurePolicy: spec['failurePolicy'] === 'Ignore' ? 'Ignore' : 'Fail',
    paramKind:
      isRecord(paramKind) && typeof paramKind['kind'] === 'string'
        ? { apiVersion: str(paramKind['apiVersion']) ?? '', kind: paramKind['kind'] }
        : undefined,
    matchConstraints,
    matchConditions: named(spec['matchConditions'], 'matchConditions', 'expression', problems),
    variables: named(spec['variables'], 'variables', 'expression', problems),
    validations: validations(spec, problems),
    auditAnnotations: annotations,
  };
}

const ACTIONS: ReadonlySet<string> = new Set(['Deny', 'Warn', 'Audit']);

function loadBinding(object: KubeObject, file: string, problems: string[]): VapBinding | undefined {
  const spec = object['spec'];
  if (!isRecord(spec) || typeof spec['policyName'] !== 'string') {
    problems.push('spec.policyName: required');
    return undefined;
  }
  const actions = list(spec['validationActions']).filter(
    (a): a is ValidationAction => typeof a === 'string' && ACTIONS.has(a),
  );
  if (actions.length === 0) problems.push('spec.validationActions: expected Deny, Warn or Audit');
  const ref = spec['paramRef'];
  return {
    name: metaName(object),
    file,
    policyName: spec['policyName'],
    paramRef: isRecord(ref)
      ? {
          name: str(ref['name']),
          namespace: str(ref['namespace']),
          selector: ref['selector'],
          parameterNotFoundAction: ref['parameterNotFoundAction'] === 'Allow' ? 'Allow' : 'Deny',
        }
      : undefined,
    matchResources: isRecord(spec['matchResources']) ? spec['matchResources'] : undefined,
    validationActions: actions.length === 0 ? ['Deny'] : actions,
  };
}

/**
 * Loads ValidatingAdmissionPolicies and their bindings from parsed documents. Every expression
 * is compiled here, once; a policy with an expression that does not compile is reported as a
 * problem and left out, as the API server would reject it.
 */
export function loadCelPolicies(
  docs: readonly { readonly object: Record<string, unknown>; readonly file: string }[],
): LoadedCelPolicies {
  const policies: VapPolicy[] = [];
  const bindings: VapBinding[] = [];
  const objects: KubeObject[] = [];
  const namespaces = new Map<string, KubeObject>();
  const problems: CelPolicyProblem[] = [];
  for (const { object, file } of docs) {
    const kind = object['kind'];
    const isVap = object['apiVersion'] === VAP_API;
    const found: string[] = [];
    if (isVap && kind === 'ValidatingAdmissionPolicy') {
      const policy = loadPolicy(object, file, found);
      if (policy !== undefined && found.length === 0) policies.push(policy);
    } else if (isVap && kind === 'ValidatingAdmissionPolicyBinding') {
      const binding = loadBinding(object, file, found);
      if (binding !== undefined && found.length === 0) bindings.push(binding);
    } else {
      objects.push(object);
      if (kind === 'Namespace' && metaName(object) !== '') namespaces.set(metaName(object), object);
    }
    for (const message of found) problems.push({ file, name: metaName(object), message });
  }
  return { policies, bindings, objects, namespaces, problems };
}
