import { isSeverity, type Severity } from '../../core/severity.js';
import { isRecord, type KubeObject } from '../../model/resource.js';
import { DEFAULT_CEL_LIMITS } from '../cel/budget.js';
import { compileCel, isCompileError, type CompiledCel } from '../cel/compile.js';
import type { CompiledValidation, MatchResources, NamedExpression } from '../cel/vap-load.js';
import { kyvernoCelEnvironment, unsupportedIn } from './cel-libraries.js';

/** API versions of Kyverno's CEL policy types. */
export const VPOL_API_VERSIONS: readonly string[] = [
  'policies.kyverno.io/v1alpha1',
  'policies.kyverno.io/v1beta1',
  'policies.kyverno.io/v1',
];

const VPOL_KINDS: readonly string[] = ['ValidatingPolicy', 'NamespacedValidatingPolicy'];

/** True for a Kyverno `ValidatingPolicy` or `NamespacedValidatingPolicy` document. */
export function isValidatingPolicy(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    typeof value.apiVersion === 'string' &&
    VPOL_API_VERSIONS.includes(value.apiVersion) &&
    typeof value.kind === 'string' &&
    VPOL_KINDS.includes(value.kind)
  );
}

/**
 * What the policy evaluates for one set of targets: the policy as written, or one of the rules
 * Kyverno generates for pod controllers (`autogen-<policy>`, `autogen-cronjobs-<policy>`).
 */
export interface VpolVariant {
  /** Empty for the policy itself, else the autogen rule name. */
  readonly name: string;
  readonly matchConstraints: MatchResources;
  readonly matchConditions: readonly NamedExpression[];
  readonly variables: readonly NamedExpression[];
  readonly validations: readonly CompiledValidation[];
  readonly auditAnnotations: readonly { readonly key: string; readonly value: CompiledCel }[];
}

/** A loaded ValidatingPolicy with every expression compiled. */
export interface ValidatingPolicy {
  readonly kind: string;
  readonly name: string;
  /** Set for a NamespacedValidatingPolicy: it only judges resources of that namespace. */
  readonly namespace: string | undefined;
  readonly file: string;
  readonly annotations: Readonly<Record<string, string>>;
  readonly severity: Severity;
  readonly failurePolicy: 'Fail' | 'Ignore';
  readonly validationActions: readonly string[];
  readonly paramKind: { readonly apiVersion: string; readonly kind: string } | undefined;
  readonly paramRef: Readonly<Record<string, unknown>> | undefined;
  readonly variants: readonly VpolVariant[];
}

/** A ValidatingPolicy that does not load, with the reason (`spec.x[0].expression: why`). */
export interface VpolLoadProblem {
  readonly file: string;
  readonly name: string;
  readonly message: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** `has(f(x).field)`: valid CEL that cel-js cannot compile. */
const HAS_OF_CALL = /\bhas\(\s*[\w.]+\(/;

/**
 * Stands for an expression cubecape cannot compile though Kyverno can: evaluating it makes the
 * verdict an unsupported skip (through the evaluation's library context), never a pass.
 */
function unsupportedExpression(source: string, what: string): CompiledCel {
  return {
    expression: source,
    reads: new Set(),
    objectPath: [],
    evaluate: (variables) => unsupportedIn(variables, what),
  };
}

function compile(source: unknown, where: string, problems: string[]): CompiledCel | undefined {
  if (typeof source !== 'string' || source.trim() === '') {
    problems.push(`${where}: expected a CEL expression`);
    return undefined;
  }
  const compiled = compileCel(source, DEFAULT_CEL_LIMITS, kyvernoCelEnvironment());
  if (
    isCompileError(compiled) &&
    HAS_OF_CALL.test(source) &&
    /^has\(\) invalid/.test(compiled.error)
  )
    return unsupportedExpression(source, 'has() over a function result');
  if (isCompileError(compiled)) {
    problems.push(`${where}: ${compiled.error.split('\n')[0] ?? compiled.error}`);
    return undefined;
  }
  return compiled;
}

function named(items: unknown, field: string, problems: string[]): NamedExpression[] {
  return list(items).flatMap((item, index) => {
    const where = `spec.${field}[${index}]`;
    if (!isRecord(item) || typeof item.name !== 'string') {
      problems.push(`${where}: expected an object with a name`);
      return [];
    }
    const expression = compile(item.expression, `${where}.expression`, problems);
    return expression === undefined ? [] : [{ name: item.name, expression }];
  });
}

function validations(items: unknown, problems: string[]): CompiledValidation[] {
  return list(items).flatMap((item, index): CompiledValidation[] => {
    const where = `spec.validations[${index}]`;
    if (!isRecord(item)) {
      problems.push(`${where}: expected an object`);
      return [];
    }
    const expression = compile(item.expression, `${where}.expression`, problems);
    const messageExpression =
      item.messageExpression === undefined
        ? undefined
        : compile(item.messageExpression, `${where}.messageExpression`, problems);
    if (expression === undefined) return [];
    const reason = str(item.reason) ?? 'Invalid';
    return [{ expression, message: str(item.message), messageExpression, reason }];
  });
}

function variant(
  name: string,
  spec: Readonly<Record<string, unknown>>,
  matchConstraints: MatchResources,
  problems: string[],
): VpolVariant {
  const auditAnnotations = list(spec.auditAnnotations).flatMap((item, index) => {
    if (!isRecord(item) || typeof item.key !== 'string') return [];
    const where = `spec.auditAnnotations[${index}].valueExpression`;
    const value = compile(item.valueExpression, where, problems);
    return value === undefined ? [] : [{ key: item.key, value }];
  });
  return {
    name,
    matchConstraints,
    matchConditions: named(spec.matchConditions, 'matchConditions', problems),
    variables: named(spec.variables, 'variables', problems),
    validations: validations(spec.validations, problems),
    auditAnnotations,
  };
}

interface AutogenTarget {
  readonly group: string;
  readonly resource: string;
  readonly cronjob: boolean;
}

/** Kyverno's pod controllers, keyed as `spec.autogen.podControllers.controllers` names them. */
const CONTROLLERS: Readonly<Record<string, AutogenTarget>> = {
  daemonsets: { group: 'apps', resource: 'daemonsets', cronjob: false },
  deployments: { group: 'apps', resource: 'deployments', cronjob: false },
  replicasets: { group: 'apps', resource: 'replicasets', cronjob: false },
  statefulsets: { group: 'apps', resource: 'statefulsets', cronjob: false },
  jobs: { group: 'batch', resource: 'jobs', cronjob: false },
  cronjobs: { group: 'batch', resource: 'cronjobs', cronjob: true },
};

const nonEmptySelector = (selector: unknown): boolean =>
  isRecord(selector) &&
  ((isRecord(selector.matchLabels) && Object.keys(selector.matchLabels).length > 0) ||
    list(selector.matchExpressions).length > 0);

const only = (value: unknown, wanted: string): boolean => {
  const items = list(value);
  return items.length === 1 && items[0] === wanted;
};

/** Kyverno generates controller rules only for a policy that matches exactly `v1 pods`, unfiltered. */
function canAutogen(match: MatchResources): boolean {
  if (nonEmptySelector(match.namespaceSelector) || nonEmptySelector(match.objectSelector))
    return false;
  if (list(match.excludeResourceRules).length > 0) return false;
  const rules = list(match.resourceRules);
  const rule = rules[0];
  if (rules.length !== 1 || !isRecord(rule)) return false;
  if (list(rule.resourceNames).length > 0) return false;
  return only(rule.apiGroups, '') && only(rule.apiVersions, 'v1') && only(rule.resources, 'pods');
}

/** Fields that stay on the controller itself: its own name and namespace, not its template's. */
const PROTECTED = /^\.(?:name|namespace)(?![A-Za-z0-9_])/;

function rewrite(text: string, from: string, to: string): string {
  let out = '';
  let rest = text;
  for (let at = rest.indexOf(from); at !== -1; at = rest.indexOf(from)) {
    const after = rest.slice(at + from.length);
    out += rest.slice(0, at) + (PROTECTED.test(after) ? from : to);
    rest = after;
  }
  return out + rest;
}

/** Rewrites a Pod spec's expressions for a controller's pod template, as Kyverno does. */
function retarget(spec: Readonly<Record<string, unknown>>, cronjob: boolean): unknown {
  const template = cronjob ? 'spec.jobTemplate.spec.template' : 'spec.template';
  let text = JSON.stringify({
    matchConditions: spec.matchConditions,
    variables: spec.variables,
    validations: spec.validations,
    auditAnnotations: spec.auditAnnotations,
  });
  for (const field of ['spec', 'metadata']) {
    for (const root of ['object', 'oldObject']) {
      text = rewrite(text, `${root}.${field}`, `${root}.${template}.${field}`);
    }
  }
  return JSON.parse(text) as unknown;
}

function controllersOf(spec: Readonly<Record<string, unknown>>): readonly string[] {
  const autogen = isRecord(spec.autogen) ? spec.autogen : undefined;
  const pod = isRecord(autogen?.podControllers) ? autogen.podControllers : undefined;
  if (pod !== undefined && Array.isArray(pod.controllers))
    return pod.controllers.filter((c): c is string => typeof c === 'string');
  return Object.keys(CONTROLLERS);
}

function autogenVariants(
  name: string,
  spec: Readonly<Record<string, unknown>>,
  match: MatchResources,
  problems: string[],
): VpolVariant[] {
  if (!canAutogen(match)) return [];
  const targets = controllersOf(spec).flatMap((c) => CONTROLLERS[c] ?? []);
  const rule = list(match.resourceRules)[0];
  const operations = isRecord(rule) ? rule.operations : undefined;
  const out: VpolVariant[] = [];
  for (const cronjob of [false, true]) {
    const group = targets.filter((t) => t.cronjob === cronjob);
    if (group.length === 0) continue;
    const groups = [...new Set(group.map((t) => t.group))].sort();
    const resourceRules = groups.map((g) => ({
      apiGroups: [g],
      apiVersions: ['v1'],
      resources: group.filter((t) => t.group === g).map((t) => t.resource),
      operations,
    }));
    const rewritten = retarget(spec, cronjob);
    const variantSpec = isRecord(rewritten) ? rewritten : {};
    const prefix = cronjob ? 'autogen-cronjobs' : 'autogen';
    out.push(variant(`${prefix}-${name}`, variantSpec, { resourceRules }, problems));
  }
  return out;
}

function annotationsOf(metadata: Readonly<Record<string, unknown>>): Record<string, string> {
  const raw = isRecord(metadata.annotations) ? metadata.annotations : {};
  return Object.fromEntries(
    Object.entries(raw).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])),
  );
}

function loadOne(object: KubeObject, file: string, problems: string[]): ValidatingPolicy {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const spec = isRecord(object.spec) ? object.spec : {};
  if (!isRecord(object.spec)) problems.push('spec: expected an object');
  const match = isRecord(spec.matchConstraints) ? spec.matchConstraints : undefined;
  if (match === undefined) problems.push('spec.matchConstraints: required');
  const name = str(metadata.name) ?? '';
  const annotations = annotationsOf(metadata);
  const severity = annotations['policies.kyverno.io/severity']?.trim().toLowerCase();
  const paramKind = isRecord(spec.paramKind) ? spec.paramKind : undefined;
  const generated: string[] = [];
  const variants =
    match === undefined
      ? []
      : [variant('', spec, match, problems), ...autogenVariants(name, spec, match, generated)];
  // Rewritten expressions only fail to compile when the originals do; report them once.
  if (problems.length === 0) problems.push(...generated.map((p) => `autogen: ${p}`));
  return {
    kind: str(object.kind) ?? 'ValidatingPolicy',
    name,
    namespace:
      object.kind === 'NamespacedValidatingPolicy'
        ? (str(metadata.namespace) ?? 'default')
        : undefined,
    file,
    annotations,
    severity: isSeverity(severity) ? severity : 'medium',
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    validationActions: list(spec.validationActions).filter(
      (a): a is string => typeof a === 'string',
    ),
    paramKind:
      paramKind === undefined
        ? undefined
        : { apiVersion: str(paramKind.apiVersion) ?? '', kind: str(paramKind.kind) ?? '' },
    paramRef: isRecord(spec.paramRef) ? spec.paramRef : undefined,
    variants,
  };
}

/**
 * Loads Kyverno ValidatingPolicies (and NamespacedValidatingPolicies) from parsed documents,
 * compiling every expression once with Kyverno's CEL libraries and generating the pod
 * controller variants. A policy with an expression that does not compile is a problem and is
 * left out, as Kyverno would reject it.
 */
export function loadValidatingPolicies(
  docs: readonly { readonly object: Record<string, unknown>; readonly file: string }[],
): { policies: ValidatingPolicy[]; problems: VpolLoadProblem[] } {
  const policies: ValidatingPolicy[] = [];
  const problems: VpolLoadProblem[] = [];
  for (const { object, file } of docs) {
    if (!isValidatingPolicy(object)) continue;
    const found: string[] = [];
    const policy = loadOne(object, file, found);
    if (found.length === 0) policies.push(policy);
    for (const message of found) problems.push({ file, name: policy.name, message });
  }
  return { policies, problems };
}
