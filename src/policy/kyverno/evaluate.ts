import { isCubecapeError } from '../../core/errors.js';
import { isRecord, type Resource } from '../../model/resource.js';
import { evaluateConditions } from './conditions.js';
import { autogenRule, podTemplateOf } from './autogen.js';
import { celVerdict } from './cel.js';
import { applyValues, imagesOf, loadContext } from './context.js';
import { ruleExcludes, ruleMatches, type MatchSubject } from './match.js';
import type { KyvernoEvalContext, KyvernoPolicy, KyvernoRule, KyvernoRuleResult } from './types.js';
import { validateVerdict } from './validate.js';
import { substituteString } from './variables.js';

function baseData(
  object: Readonly<Record<string, unknown>>,
  resource: Resource,
  operation: string,
) {
  const data: Record<string, unknown> = {
    request: {
      operation,
      object,
      // Kyverno's CLI replays an UPDATE with the resource as its own old version.
      oldObject: operation === 'UPDATE' ? object : null,
      namespace: resource.namespace ?? '',
      name: resource.name,
      kind: {
        group: resource.group,
        version: resource.apiVersion.split('/').pop() ?? '',
        kind: resource.kind,
      },
      userInfo: {},
      roles: [],
      clusterRoles: [],
    },
    serviceAccountName: '',
    serviceAccountNamespace: '',
    images: imagesOf(object.spec),
  };
  return data;
}

function messageOf(validate: Readonly<Record<string, unknown>>, data: Record<string, unknown>) {
  const raw = typeof validate.message === 'string' ? validate.message : '';
  try {
    const text = substituteString(raw, data);
    return typeof text === 'string' ? text : JSON.stringify(text);
  } catch {
    return raw;
  }
}

function skipReason(rule: KyvernoRule): string {
  return `${rule.type === 'unknown' ? 'rules of this type' : `${rule.type} rules`} are not evaluated`;
}

function evaluateRule(
  policy: KyvernoPolicy,
  rule: KyvernoRule,
  resource: Resource,
  subject: MatchSubject,
  ctx: KyvernoEvalContext,
): KyvernoRuleResult | undefined {
  if (!ruleMatches(rule.raw, subject) || ruleExcludes(rule.raw, subject)) return undefined;
  if (rule.type !== 'validate')
    return { rule: rule.name, result: 'skip', message: skipReason(rule) };
  const template = subject.asPod ? podTemplateOf(resource) : undefined;
  if (subject.asPod && template === undefined) return undefined;
  const raw = template === undefined ? rule.raw : autogenRule(rule.raw, template.prefix);
  const data = baseData(resource.object, resource, subject.operation);
  data.images = imagesOf(template?.pod.spec ?? resource.object.spec);
  const policyValues = ctx.values?.policies?.[policy.name];
  const supplied = applyValues(data, [
    ctx.values?.global,
    policyValues?.rules?.[rule.name],
    policyValues?.resources?.[resource.name],
  ]);
  try {
    const missing = loadContext(raw.context, data, supplied);
    if (missing !== undefined) return { rule: rule.name, result: 'skip', message: missing };
    if (!evaluateConditions(raw.preconditions, data)) {
      return { rule: rule.name, result: 'skip', message: 'preconditions not met' };
    }
    const validate = isRecord(raw.validate) ? raw.validate : {};
    const verdict =
      validate.cel === undefined
        ? validateVerdict(validate, data, supplied, template?.pod)
        : celVerdict(validate, raw.celPreconditions, data, ctx);
    if (verdict.message !== undefined) {
      return {
        rule: rule.name,
        result: verdict.result,
        message: verdict.message,
        ...(verdict.path === undefined ? {} : { path: verdict.path }),
      };
    }
    const message = verdict.result === 'fail' ? messageOf(validate, data) : (verdict.detail ?? '');
    const path =
      verdict.path === undefined
        ? undefined
        : [...(isRecord(validate.podSecurity) ? (template?.prefix ?? []) : []), ...verdict.path];
    return {
      rule: rule.name,
      result: verdict.result,
      message:
        verdict.result === 'fail' && verdict.detail !== undefined
          ? `${message} (${verdict.detail})`
          : message,
      ...(path === undefined ? {} : { path }),
    };
  } catch (error) {
    if (!isCubecapeError(error)) throw error;
    return { rule: rule.name, result: 'error', message: error.message };
  }
}

/**
 * Applies every rule of a policy to one resource, as Kyverno's admission check would on CREATE.
 * Rules that do not select the resource give no result; Pod rules also judge workload pod
 * templates (Kyverno's auto-generated rules) under the rule's own name.
 */
export function evaluateKyverno(
  policy: KyvernoPolicy,
  resource: Resource,
  ctx: KyvernoEvalContext = {},
): KyvernoRuleResult[] {
  if (policy.namespace !== undefined && resource.namespace !== policy.namespace) return [];
  const labelsFromValues = (ns: string) => ctx.values?.namespaceLabels?.[ns];
  const base: MatchSubject = {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    name: resource.name,
    namespace: resource.namespace,
    object: resource.object,
    operation: valueOperation(policy, resource, ctx) ?? ctx.operation ?? 'CREATE',
    asPod: false,
    namespaceLabels: (ns) => labelsFromValues(ns) ?? ctx.namespaceLabels?.(ns),
  };
  const results: KyvernoRuleResult[] = [];
  const autogen = policy.autogenControllers.includes(resource.kind);
  for (const rule of policy.rules) {
    const asPod = autogen && rule.autogen;
    const result = evaluateRule(policy, rule, resource, { ...base, asPod }, ctx);
    if (result !== undefined) results.push(result);
  }
  return results;
}

/** A test's values may simulate another operation (`request.operation: UPDATE`). */
function valueOperation(policy: KyvernoPolicy, resource: Resource, ctx: KyvernoEvalContext) {
  const layers = [
    ctx.values?.global,
    ctx.values?.policies?.[policy.name]?.resources?.[resource.name],
  ];
  let operation: string | undefined;
  for (const layer of layers) {
    const value = layer?.['request.operation'];
    if (typeof value === 'string') operation = value;
  }
  return operation;
}
