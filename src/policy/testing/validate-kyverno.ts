import type { JsonPath } from '../../core/json-path.js';
import { jmespath } from '../../core/lazy-require.js';
import { isRecord } from '../../model/resource.js';
import { compileCel, isCompileError } from '../cel/compile.js';
import { CONDITION_OPERATORS } from '../kyverno/conditions.js';
import { normalizeLegacyLiterals } from '../kyverno/jmespath.js';

/** One problem found in a policy, at a JSON path inside its document. */
export interface PathProblem {
  readonly path: JsonPath;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const fields = (...names: string[]): ReadonlySet<string> => new Set(names);
const SPEC = fields(
  'rules',
  'validationFailureAction',
  'failureAction',
  'validationFailureActionOverrides',
  'background',
  'admission',
  'applyRules',
  'failurePolicy',
  'webhookTimeoutSeconds',
  'mutateExistingOnPolicyUpdate',
  'generateExisting',
  'generateExistingOnPolicyUpdate',
  'schemaValidation',
  'useServerSideApply',
  'webhookConfiguration',
  'emitWarning',
);
const RULE = fields(
  'name',
  'match',
  'exclude',
  'context',
  'preconditions',
  'validate',
  'mutate',
  'generate',
  'verifyImages',
  'imageExtractors',
  'celPreconditions',
  'skipBackgroundRequests',
  'reportProperties',
);
const VALIDATE = fields(
  'message',
  'pattern',
  'anyPattern',
  'deny',
  'foreach',
  'podSecurity',
  'cel',
  'manifests',
  'failureAction',
  'failureActionOverrides',
  'allowExistingViolations',
  'assert',
);
const MATCH = fields('any', 'all', 'resources', 'subjects', 'roles', 'clusterRoles');
const FILTER = fields('resources', 'subjects', 'roles', 'clusterRoles');
const RESOURCES = fields(
  'kinds',
  'names',
  'name',
  'namespaces',
  'annotations',
  'selector',
  'namespaceSelector',
  'operations',
);
const CONTEXT = fields(
  'name',
  'configMap',
  'apiCall',
  'variable',
  'imageRegistry',
  'globalReference',
);
const FOREACH = fields(
  'list',
  'context',
  'preconditions',
  'pattern',
  'anyPattern',
  'deny',
  'foreach',
  'elementScope',
);
const OPERATORS: ReadonlySet<string> = new Set(CONDITION_OPERATORS);
/** A key that starts like an anchor must be one: `=(name)`, `X(name)`, `^(name)`, `<(name)`, `+(name)`, `(name)`. */
const ANCHOR_START = /^(=|X|\^|<|\+)?\(/;
const ANCHOR = /^(=|X|\^|<|\+)?\((.+)\)$/;
const EXPRESSION = /(^|[^\\])\{\{((?:(?!\{\{|\}\})[\s\S])*)\}\}/g;

class Checker {
  readonly problems: PathProblem[] = [];

  error(path: JsonPath, message: string): void {
    this.problems.push({ path, severity: 'error', message });
  }

  warn(path: JsonPath, message: string): void {
    this.problems.push({ path, severity: 'warning', message });
  }

  known(
    value: unknown,
    path: JsonPath,
    allowed: ReadonlySet<string>,
    what: string,
  ): value is Record<string, unknown> {
    if (value === undefined) return false;
    if (!isRecord(value)) {
      this.error(path, `${what}: expected an object, got ${describe(value)}`);
      return false;
    }
    for (const key of Object.keys(value))
      if (!allowed.has(key))
        this.error(
          [...path, key],
          `unknown field "${key}" in ${what}; expected one of ${[...allowed].join(', ')}`,
        );
    return true;
  }

  list(value: unknown, path: JsonPath, what: string): readonly unknown[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.error(path, `${what}: expected a list, got ${describe(value)}`);
      return [];
    }
    return value;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function checkMatch(c: Checker, block: unknown, path: JsonPath, what: string): void {
  if (!c.known(block, path, MATCH, what)) return;
  const filters = [
    ...(['any', 'all'] as const).flatMap((key) =>
      c
        .list(block[key], [...path, key], `${what}.${key}`)
        .map((f, i) => ({ f, p: [...path, key, i] })),
    ),
    ...(block.resources === undefined ? [] : [{ f: { resources: block.resources }, p: path }]),
  ];
  for (const { f, p } of filters) {
    if (!c.known(f, p, FILTER, `${what} filter`)) continue;
    if (!c.known(f.resources, [...p, 'resources'], RESOURCES, `${what} resources`)) continue;
    const kinds = c.list(f.resources.kinds, [...p, 'resources', 'kinds'], 'kinds');
    for (const [i, kind] of kinds.entries())
      if (typeof kind !== 'string' || kind === '')
        c.error(
          [...p, 'resources', 'kinds', i],
          `kinds: expected a kind name, got ${describe(kind)}`,
        );
  }
}

function checkConditions(c: Checker, block: unknown, path: JsonPath, what: string): void {
  if (block === undefined) return;
  const groups = Array.isArray(block)
    ? [{ list: block, p: path }]
    : isRecord(block)
      ? (['any', 'all'] as const).map((k) => ({
          list: c.list(block[k], [...path, k], `${what}.${k}`),
          p: [...path, k],
        }))
      : (c.error(path, `${what}: expected a list or any/all, got ${describe(block)}`), []);
  if (isRecord(block))
    for (const key of Object.keys(block))
      if (key !== 'any' && key !== 'all')
        c.error([...path, key], `unknown field "${key}" in ${what}; expected any or all`);
  for (const { list, p } of groups) {
    for (const [i, condition] of list.entries()) {
      const at = [...p, i];
      if (!isRecord(condition)) {
        c.error(at, `condition: expected an object with key, operator, value`);
        continue;
      }
      if (!('key' in condition)) c.error(at, 'condition: key is required');
      if (typeof condition.operator !== 'string' || !OPERATORS.has(condition.operator))
        c.error(
          [...at, 'operator'],
          `unknown operator ${describe(condition.operator)}; expected one of ${CONDITION_OPERATORS.join(', ')}`,
        );
    }
  }
}

function checkPattern(c: Checker, pattern: unknown, path: JsonPath): void {
  if (Array.isArray(pattern)) {
    for (const [i, item] of pattern.entries()) checkPattern(c, item, [...path, i]);
    return;
  }
  if (typeof pattern === 'string') {
    for (const alternative of pattern.split('|'))
      for (const part of alternative.split('&'))
        if (/^\s*(>=|<=|>|<|!)\s*$/.test(part))
          c.error(
            path,
            `pattern value "${pattern}": operator ${part.trim()} needs a value after it`,
          );
    return;
  }
  if (!isRecord(pattern)) return;
  for (const [key, value] of Object.entries(pattern)) {
    if (ANCHOR_START.test(key) && !ANCHOR.test(key))
      c.error(
        [...path, key],
        `malformed anchor "${key}": expected (name), =(name), X(name), ^(name), <(name) or +(name)`,
      );
    if (key.startsWith('+('))
      c.warn(
        [...path, key],
        `add-if-not-present anchor "${key}" only mutates; ignored when validating`,
      );
    checkPattern(c, value, [...path, key]);
  }
}

function checkExpressions(c: Checker, value: unknown, path: JsonPath): void {
  if (typeof value === 'string') {
    for (const match of value.matchAll(EXPRESSION)) {
      const expression = (match[2] ?? '').trim();
      if (expression === '' || expression === '@') continue;
      try {
        jmespath().compile(normalizeLegacyLiterals(expression));
      } catch (error) {
        c.error(
          path,
          `invalid JMESPath "${expression}": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) checkExpressions(c, item, [...path, i]);
  } else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      checkExpressions(c, key, [...path, key]);
      checkExpressions(c, item, [...path, key]);
    }
  }
}

const CEL = fields(
  'expressions',
  'variables',
  'auditAnnotations',
  'paramKind',
  'paramRef',
  'generate',
);

/** A CEL expression in `item[field]` must compile; `required` fields must be present. */
function checkCelField(
  c: Checker,
  item: unknown,
  field: string,
  path: JsonPath,
  required = true,
): void {
  const source = isRecord(item) ? item[field] : undefined;
  if (source === undefined && !required) return;
  if (typeof source !== 'string' || source.trim() === '') {
    c.error([...path, field], `${field}: expected a CEL expression`);
    return;
  }
  const compiled = compileCel(source);
  if (isCompileError(compiled))
    c.error([...path, field], `invalid CEL: ${compiled.error.split('\n')[0] ?? compiled.error}`);
}

function checkCel(c: Checker, cel: unknown, path: JsonPath): void {
  if (!c.known(cel, path, CEL, 'validate.cel')) return;
  const expressions = c.list(cel.expressions, [...path, 'expressions'], 'expressions');
  for (const [i, item] of expressions.entries()) {
    checkCelField(c, item, 'expression', [...path, 'expressions', i]);
    checkCelField(c, item, 'messageExpression', [...path, 'expressions', i], false);
  }
  for (const [i, item] of c.list(cel.variables, [...path, 'variables'], 'variables').entries())
    checkCelField(c, item, 'expression', [...path, 'variables', i]);
  const annotations = c.list(
    cel.auditAnnotations,
    [...path, 'auditAnnotations'],
    'auditAnnotations',
  );
  for (const [i, item] of annotations.entries())
    checkCelField(c, item, 'valueExpression', [...path, 'auditAnnotations', i]);
}

function checkValidateBody(c: Checker, body: Record<string, unknown>, path: JsonPath): void {
  if (body.pattern !== undefined) {
    if (!isRecord(body.pattern) && !Array.isArray(body.pattern))
      c.error([...path, 'pattern'], `pattern: expected an object, got ${describe(body.pattern)}`);
    checkPattern(c, body.pattern, [...path, 'pattern']);
  }
  for (const [i, p] of c.list(body.anyPattern, [...path, 'anyPattern'], 'anyPattern').entries())
    checkPattern(c, p, [...path, 'anyPattern', i]);
  if (body.deny !== undefined && isRecord(body.deny))
    checkConditions(c, body.deny.conditions, [...path, 'deny', 'conditions'], 'deny.conditions');
  else if (body.deny !== undefined)
    c.error([...path, 'deny'], `deny: expected an object, got ${describe(body.deny)}`);
  checkConditions(c, body.preconditions, [...path, 'preconditions'], 'preconditions');
  for (const [i, each] of c.list(body.foreach, [...path, 'foreach'], 'foreach').entries()) {
    const at = [...path, 'foreach', i];
    if (c.known(each, at, FOREACH, 'foreach')) {
      if (typeof each.list !== 'string')
        c.error([...at, 'list'], 'foreach.list: expected a JMESPath expression');
      checkValidateBody(c, each, at);
    }
  }
}

function checkRule(c: Checker, rule: unknown, path: JsonPath): void {
  if (!c.known(rule, path, RULE, 'rule')) return;
  if (typeof rule.name !== 'string' || rule.name === '') c.error(path, 'rule: name is required');
  checkMatch(c, rule.match, [...path, 'match'], 'match');
  if (rule.match === undefined) c.error(path, 'rule: match is required');
  checkMatch(c, rule.exclude, [...path, 'exclude'], 'exclude');
  checkConditions(c, rule.preconditions, [...path, 'preconditions'], 'preconditions');
  for (const [i, entry] of c.list(rule.context, [...path, 'context'], 'context').entries()) {
    const at = [...path, 'context', i];
    if (!c.known(entry, at, CONTEXT, 'context entry')) continue;
    for (const source of ['configMap', 'apiCall', 'imageRegistry', 'globalReference'])
      if (entry[source] !== undefined)
        c.warn(
          [...at, source],
          `context ${source} needs cluster data: supply "${String(entry.name)}" in a values file, or the rule is skipped`,
        );
  }
  for (const type of ['mutate', 'generate', 'verifyImages'])
    if (rule[type] !== undefined)
      c.warn(
        [...path, type],
        `${type} rules are not evaluated by cubecape; they are reported as skipped`,
      );
  if (c.known(rule.validate, [...path, 'validate'], VALIDATE, 'validate')) {
    const validate = rule.validate;
    if (validate.cel !== undefined) checkCel(c, validate.cel, [...path, 'validate', 'cel']);
    if (validate.manifests !== undefined)
      c.warn(
        [...path, 'validate', 'manifests'],
        'manifest signature rules are not evaluated; they are reported as skipped',
      );
    checkValidateBody(c, validate, [...path, 'validate']);
  }
  for (const [i, item] of c
    .list(rule.celPreconditions, [...path, 'celPreconditions'], 'celPreconditions')
    .entries())
    checkCelField(c, item, 'expression', [...path, 'celPreconditions', i]);
  checkExpressions(c, rule, path);
}

/** Every problem in one Kyverno ClusterPolicy/Policy document, by JSON path. */
export function validateKyvernoPolicy(object: Readonly<Record<string, unknown>>): PathProblem[] {
  const c = new Checker();
  const metadata = object.metadata;
  if (!isRecord(metadata) || typeof metadata.name !== 'string' || metadata.name === '')
    c.error(['metadata'], 'metadata.name is required');
  if (!c.known(object.spec, ['spec'], SPEC, 'spec')) {
    if (object.spec === undefined) c.error([], 'spec is required');
    return c.problems;
  }
  const rules = c.list(object.spec.rules, ['spec', 'rules'], 'spec.rules');
  if (rules.length === 0) c.error(['spec'], 'spec.rules: expected at least one rule');
  for (const [i, rule] of rules.entries()) checkRule(c, rule, ['spec', 'rules', i]);
  return c.problems;
}
