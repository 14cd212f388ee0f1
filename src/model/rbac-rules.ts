import type { JsonPath } from '../core/json-path.js';
import { isRecord } from './resource.js';

/** An RBAC policy rule with every list normalised to strings (missing lists are empty). */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly string[];
}

/** A request to authorise against a rule; `group` is '' for the core API group. */
export interface RbacRequest {
  readonly verb: string;
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
  /** The object name; rules with resourceNames only allow requests that name an object. */
  readonly name?: string;
}

/** A rule as written in a Role or ClusterRole, with where it is written. */
export interface SourcedRule {
  readonly rule: PolicyRule;
  /** Id of the Role/ClusterRole that holds the rule (for aggregated rules, the contributing one). */
  readonly sourceId: string;
  /** Path of the rule inside that role, e.g. `['rules', 2]`. */
  readonly path: JsonPath;
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

/** Normalises one rule; undefined when it is not an object. */
export function parsePolicyRule(value: unknown): PolicyRule | undefined {
  if (!isRecord(value)) return undefined;
  return {
    apiGroups: strings(value['apiGroups']),
    resources: strings(value['resources']),
    verbs: strings(value['verbs']),
    resourceNames: strings(value['resourceNames']),
    nonResourceURLs: strings(value['nonResourceURLs']),
  };
}

/** Every readable rule of a role object, with its path; entries that are not objects are skipped. */
export function rulesOfRole(object: unknown, sourceId: string): SourcedRule[] {
  if (!isRecord(object) || !Array.isArray(object['rules'])) return [];
  const out: SourcedRule[] = [];
  object['rules'].forEach((value: unknown, index) => {
    const rule = parsePolicyRule(value);
    if (rule !== undefined) out.push({ rule, sourceId, path: ['rules', index] });
  });
  return out;
}

function resourceMatches(
  rule: PolicyRule,
  resource: string,
  subresource: string | undefined,
): boolean {
  const combined =
    subresource === undefined || subresource === '' ? resource : `${resource}/${subresource}`;
  return rule.resources.some((entry) => {
    if (entry === '*' || entry === combined) return true;
    // `*/scale` grants a subresource of every resource; Kubernetes has no `pods/*` form.
    return subresource !== undefined && subresource !== '' && entry === `*/${subresource}`;
  });
}

/**
 * Whether `rule` grants `request`, with Kubernetes wildcard semantics: `*` in verbs, apiGroups
 * or resources matches anything; `*\/sub` matches that subresource of any resource; a non-empty
 * resourceNames restricts the rule to requests naming one of those objects.
 */
export function ruleAllows(rule: PolicyRule, request: RbacRequest): boolean {
  return ruleAllowsVerb(rule, request.verb) && ruleCovers(rule, request);
}

/** Whether `rule` grants `verb` (on whatever it covers). */
export function ruleAllowsVerb(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes('*') || rule.verbs.includes(verb);
}

/**
 * Whether `rule` covers the object `request` names (API group, resource, subresource, name),
 * whatever the verb: {@link ruleAllows} without the verb, for callers that try many verbs.
 */
export function ruleCovers(rule: PolicyRule, request: Omit<RbacRequest, 'verb'>): boolean {
  if (!rule.apiGroups.includes('*') && !rule.apiGroups.includes(request.group)) return false;
  if (!resourceMatches(rule, request.resource, request.subresource)) return false;
  if (rule.resourceNames.length === 0) return true;
  return request.name !== undefined && rule.resourceNames.includes(request.name);
}
