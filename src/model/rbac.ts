import type { JsonPath } from '../core/json-path.js';
import { isRecord, type Resource } from './resource.js';
import { labelSelectorMatches, labelsOf } from './selectors.js';
import {
  ruleAllows,
  rulesOfRole,
  type PolicyRule,
  type RbacRequest,
  type SourcedRule,
} from './rbac-rules.js';

export { ruleAllows, ruleAllowsVerb, ruleCovers, parsePolicyRule } from './rbac-rules.js';
export type { PolicyRule, RbacRequest, SourcedRule } from './rbac-rules.js';

/** Who a binding grants to: `User`, `Group` or `ServiceAccount` (other kinds are kept as written). */
export interface RbacSubject {
  readonly kind: string;
  readonly name: string;
  /** Set for ServiceAccounts (defaulting to the RoleBinding's namespace when omitted). */
  readonly namespace?: string | undefined;
}

/** A Role or ClusterRole with its effective rules (aggregated rules included). */
export interface RbacRole {
  readonly resource: Resource;
  readonly kind: 'Role' | 'ClusterRole';
  readonly rules: readonly SourcedRule[];
}

/** A RoleBinding or ClusterRoleBinding resolved against the roles of the scan. */
export interface RbacBinding {
  readonly resource: Resource;
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  readonly roleRef: { readonly kind: string; readonly name: string } | undefined;
  /** Undefined when the referenced role is not among the scanned resources. */
  readonly role: RbacRole | undefined;
  readonly subjects: readonly { readonly subject: RbacSubject; readonly path: JsonPath }[];
  /** True for ClusterRoleBindings; a RoleBinding grants only within `namespace`. */
  readonly clusterWide: boolean;
  readonly namespace: string | undefined;
}

/** One rule a subject holds, with the chain that grants it. */
export interface SubjectRule {
  readonly subject: RbacSubject;
  readonly binding: Resource;
  /** Path of the subject entry inside the binding. */
  readonly subjectPath: JsonPath;
  /** The role the binding references (undefined never occurs here: missing roles grant nothing). */
  readonly role: Resource;
  readonly rule: PolicyRule;
  /** The role that spells the rule out: `role` itself, or a ClusterRole aggregated into it. */
  readonly ruleSource: Resource;
  readonly rulePath: JsonPath;
  readonly clusterWide: boolean;
  /** The namespace the rule applies in; undefined when cluster-wide (or unknown). */
  readonly namespace: string | undefined;
}

/** Subjects → bindings → roles → rules over the RBAC objects of a scan. */
export interface RbacGraph {
  readonly roles: readonly RbacRole[];
  readonly bindings: readonly RbacBinding[];
  /** Every distinct subject named by a binding. */
  subjects(): readonly RbacSubject[];
  /** Bindings naming the subject, including those whose role is missing. */
  bindingsFor(subject: RbacSubject): readonly RbacBinding[];
  rulesFor(subject: RbacSubject): readonly SubjectRule[];
  /** Every (subject, rule) pair that grants the request. */
  grants(request: RbacRequest): readonly SubjectRule[];
  findRole(
    kind: 'Role' | 'ClusterRole',
    namespace: string | undefined,
    name: string,
  ): RbacRole | undefined;
}

/** Stable identity of a subject: `ServiceAccount:ns:name`, `User::alice`. */
export function subjectKey(subject: RbacSubject): string {
  return `${subject.kind}:${subject.namespace ?? ''}:${subject.name}`;
}

function roleKey(kind: string, namespace: string | undefined, name: string): string {
  return kind === 'ClusterRole' ? `ClusterRole//${name}` : `Role/${namespace ?? ''}/${name}`;
}

function aggregationSelectors(object: unknown): unknown[] {
  if (!isRecord(object) || !isRecord(object['aggregationRule'])) return [];
  const selectors = object['aggregationRule']['clusterRoleSelectors'];
  return Array.isArray(selectors) ? selectors : [];
}

/**
 * Effective rules of a ClusterRole with an aggregationRule: its own rules (in a live cluster,
 * the aggregation controller's copy) plus the rules of every ClusterRole its selectors match,
 * transitively; rules already present with the same content are not repeated.
 */
function aggregatedRules(
  role: Resource,
  clusterRoles: readonly Resource[],
  visiting: Set<string>,
): SourcedRule[] {
  const own = rulesOfRole(role.object, role.id);
  const selectors = aggregationSelectors(role.object);
  if (selectors.length === 0 || visiting.has(role.id)) return own;
  visiting.add(role.id);
  const seen = new Set(own.map((entry) => JSON.stringify(entry.rule)));
  const rules = [...own];
  for (const other of clusterRoles) {
    if (other.id === role.id) continue;
    const labels = labelsOf(other.object['metadata']);
    if (!selectors.some((selector) => labelSelectorMatches(selector, labels))) continue;
    for (const entry of aggregatedRules(other, clusterRoles, visiting)) {
      const content = JSON.stringify(entry.rule);
      if (seen.has(content)) continue;
      seen.add(content);
      rules.push(entry);
    }
  }
  visiting.delete(role.id);
  return rules;
}

function parseSubjects(
  binding: Resource,
  defaultNamespace: string | undefined,
): RbacBinding['subjects'] {
  const list = binding.object['subjects'];
  if (!Array.isArray(list)) return [];
  const out: { subject: RbacSubject; path: JsonPath }[] = [];
  list.forEach((entry: unknown, index) => {
    if (!isRecord(entry) || typeof entry['kind'] !== 'string' || typeof entry['name'] !== 'string')
      return;
    const kind = entry['kind'];
    const written =
      typeof entry['namespace'] === 'string' && entry['namespace'] !== ''
        ? entry['namespace']
        : undefined;
    const namespace = kind === 'ServiceAccount' ? (written ?? defaultNamespace) : undefined;
    out.push({ subject: { kind, name: entry['name'], namespace }, path: ['subjects', index] });
  });
  return out;
}

function parseRoleRef(object: unknown): RbacBinding['roleRef'] {
  if (!isRecord(object) || !isRecord(object['roleRef'])) return undefined;
  const { kind, name } = object['roleRef'];
  return typeof kind === 'string' && typeof name === 'string' ? { kind, name } : undefined;
}

function buildRoles(resources: readonly Resource[]): Map<string, RbacRole> {
  const clusterRoles = resources.filter((r) => r.kind === 'ClusterRole');
  const roles = new Map<string, RbacRole>();
  for (const resource of resources) {
    if (resource.kind !== 'Role' && resource.kind !== 'ClusterRole') continue;
    const key = roleKey(resource.kind, resource.namespace, resource.name);
    if (roles.has(key)) continue;
    const rules =
      resource.kind === 'ClusterRole'
        ? aggregatedRules(resource, clusterRoles, new Set())
        : rulesOfRole(resource.object, resource.id);
    roles.set(key, { resource, kind: resource.kind, rules });
  }
  return roles;
}

function buildBinding(
  resource: Resource,
  roles: ReadonlyMap<string, RbacRole>,
): RbacBinding | undefined {
  if (resource.kind !== 'RoleBinding' && resource.kind !== 'ClusterRoleBinding') return undefined;
  const clusterWide = resource.kind === 'ClusterRoleBinding';
  const namespace = clusterWide ? undefined : resource.namespace;
  const roleRef = parseRoleRef(resource.object);
  // A ClusterRoleBinding can only reference a ClusterRole; a Role is looked up in the binding's namespace.
  const refKind =
    roleRef?.kind === 'Role' && !clusterWide
      ? 'Role'
      : roleRef?.kind === 'ClusterRole'
        ? 'ClusterRole'
        : undefined;
  const role =
    roleRef === undefined || refKind === undefined
      ? undefined
      : roles.get(roleKey(refKind, namespace, roleRef.name));
  return {
    resource,
    kind: resource.kind,
    roleRef,
    role,
    subjects: parseSubjects(resource, namespace),
    clusterWide,
    namespace,
  };
}

/** Builds the RBAC graph of a scan from its Roles, ClusterRoles and bindings. O(n) apart from aggregation. */
export function buildRbacGraph(resources: readonly Resource[]): RbacGraph {
  const roles = buildRoles(resources);
  const byId = new Map(resources.map((resource) => [resource.id, resource] as const));
  const bindings = resources.flatMap((resource) => buildBinding(resource, roles) ?? []);
  const bySubject = new Map<string, { subject: RbacSubject; bindings: RbacBinding[] }>();
  for (const binding of bindings) {
    for (const { subject } of binding.subjects) {
      const key = subjectKey(subject);
      const entry = bySubject.get(key) ?? { subject, bindings: [] };
      if (!entry.bindings.includes(binding)) entry.bindings.push(binding);
      bySubject.set(key, entry);
    }
  }
  // Every workload running as a ServiceAccount asks for its rules, often many times over (one
  // call per control): the graph never changes during a scan, so each subject's list is built once.
  const rulesBySubject = new Map<string, readonly SubjectRule[]>();
  const rulesFor = (subject: RbacSubject): readonly SubjectRule[] => {
    const key = subjectKey(subject);
    let rules = rulesBySubject.get(key);
    if (rules === undefined) {
      rules = Object.freeze(collectRules(subject, key));
      rulesBySubject.set(key, rules);
    }
    return rules;
  };
  const collectRules = (subject: RbacSubject, key: string): SubjectRule[] => {
    const out: SubjectRule[] = [];
    for (const binding of bySubject.get(key)?.bindings ?? []) {
      const role = binding.role;
      if (role === undefined) continue;
      const entry = binding.subjects.find((s) => subjectKey(s.subject) === key);
      const subjectPath = entry?.path ?? ['subjects'];
      for (const sourced of role.rules) {
        const ruleSource =
          sourced.sourceId === role.resource.id
            ? role.resource
            : (byId.get(sourced.sourceId) ?? role.resource);
        out.push({
          subject,
          binding: binding.resource,
          subjectPath,
          role: role.resource,
          rule: sourced.rule,
          ruleSource,
          rulePath: sourced.path,
          clusterWide: binding.clusterWide,
          namespace: binding.namespace,
        });
      }
    }
    return out;
  };
  return {
    roles: [...roles.values()],
    bindings,
    subjects: () => [...bySubject.values()].map((entry) => entry.subject),
    bindingsFor: (subject) => bySubject.get(subjectKey(subject))?.bindings ?? [],
    rulesFor,
    grants: (request) =>
      [...bySubject.values()].flatMap((entry) =>
        rulesFor(entry.subject).filter((r) => ruleAllows(r.rule, request)),
      ),
    findRole: (kind, namespace, name) => roles.get(roleKey(kind, namespace, name)),
  };
}
