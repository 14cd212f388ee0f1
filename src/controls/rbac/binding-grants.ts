import type { JsonPath } from '../../core/json-path.js';
import type { ScanContext } from '../../model/context.js';
import {
  ruleAllowsVerb,
  ruleCovers,
  type PolicyRule,
  type RbacBinding,
  type RbacGraph,
  type RbacSubject,
} from '../../model/rbac.js';
import { isRecord, type Resource } from '../../model/resource.js';
import { defineControl, type ControlDefinition, type Violation } from '../define.js';

/** One rule a binding hands to one of its subjects. */
export interface BindingGrant {
  readonly binding: RbacBinding;
  readonly subject: RbacSubject;
  readonly subjectPath: JsonPath;
  readonly rule: PolicyRule;
  readonly rulePath: JsonPath;
  /** The role that spells the rule out (the bound role, or one aggregated into it). */
  readonly ruleSource: Resource;
}

/** `ServiceAccount ops/deployer`, `User alice`, `Group system:authenticated`. */
export function describeSubject(subject: RbacSubject): string {
  return subject.namespace === undefined
    ? `${subject.kind} ${subject.name}`
    : `${subject.kind} ${subject.namespace}/${subject.name}`;
}

/** `cluster-wide` or `in namespace team`. */
export function describeScope(binding: RbacBinding): string {
  return binding.clusterWide ? 'cluster-wide' : `in namespace ${binding.namespace ?? '(none)'}`;
}

function pathText(path: JsonPath): string {
  return path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : segment)).join('');
}

/**
 * The chain that grants a rule, for evidence:
 * `ServiceAccount ops/deployer → ClusterRoleBinding deployer-admin → ClusterRole admin → rules[2]: get,list secrets`.
 */
export function grantChain(grant: BindingGrant, what: string): string {
  const role = grant.binding.role?.resource;
  const source =
    role !== undefined && grant.ruleSource.id !== role.id
      ? ` (aggregated from ClusterRole ${grant.ruleSource.name})`
      : '';
  return [
    describeSubject(grant.subject),
    `${grant.binding.kind} ${grant.binding.resource.name}`,
    `${grant.binding.roleRef?.kind ?? 'Role'} ${grant.binding.roleRef?.name ?? '?'}${source}`,
    `${pathText(grant.rulePath)}: ${what}`,
  ].join(' -> ');
}

const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

/**
 * Kubernetes' own default roles and bindings: named `system:…` and labelled
 * `kubernetes.io/bootstrapping: rbac-defaults`. The API server recreates them at every start, so
 * findings on them are not actionable; RBAC controls leave them out.
 */
export function isBootstrapDefault(resource: Resource): boolean {
  const metadata = resource.object['metadata'];
  const labels = isRecord(metadata) ? metadata['labels'] : undefined;
  return (
    resource.name.startsWith('system:') &&
    isRecord(labels) &&
    labels[BOOTSTRAP_LABEL] === 'rbac-defaults'
  );
}

const bindingIndex = new WeakMap<RbacGraph, Map<string, RbacBinding>>();

/** The graph's view of a binding resource (indexed once per graph). */
export function bindingOf(resource: Resource, context: ScanContext): RbacBinding | undefined {
  let index = bindingIndex.get(context.rbac);
  if (index === undefined) {
    index = new Map(context.rbac.bindings.map((binding) => [binding.resource.id, binding]));
    bindingIndex.set(context.rbac, index);
  }
  return index.get(resource.id);
}

function sourceOf(id: string, binding: RbacBinding, context: ScanContext): Resource | undefined {
  const role = binding.role?.resource;
  if (role?.id === id) return role;
  return context.resources.byKind('ClusterRole').find((resource) => resource.id === id);
}

/** Grants per binding: eighteen RBAC controls ask for the same binding's grants. */
const grantsByBinding = new WeakMap<RbacBinding, readonly BindingGrant[]>();

/** Every (subject, rule) pair a binding grants; a subject listed twice is taken once. */
export function grantsOf(binding: RbacBinding, context: ScanContext): readonly BindingGrant[] {
  let grants = grantsByBinding.get(binding);
  if (grants === undefined) {
    grants = collectGrants(binding, context);
    grantsByBinding.set(binding, grants);
  }
  return grants;
}

function collectGrants(binding: RbacBinding, context: ScanContext): BindingGrant[] {
  const role = binding.role;
  if (role === undefined) return [];
  const seen = new Set<string>();
  const out: BindingGrant[] = [];
  for (const { subject, path } of binding.subjects) {
    const key = `${subject.kind}:${subject.namespace ?? ''}:${subject.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const sourced of role.rules) {
      const ruleSource = sourceOf(sourced.sourceId, binding, context) ?? role.resource;
      out.push({
        binding,
        subject,
        subjectPath: path,
        rule: sourced.rule,
        rulePath: sourced.path,
        ruleSource,
      });
    }
  }
  return out;
}

/** A resource an RBAC request names: API group, resource and optional subresource. */
export interface Target {
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
  readonly name?: string;
}

/**
 * What a rule allows among `verbs` on `targets`, as text (`get,list secrets`), or undefined when
 * it allows none of them. Follows the API server's matching, wildcards and resourceNames included.
 */
export function allowed(
  rule: PolicyRule,
  verbs: readonly string[],
  targets: readonly Target[],
): string | undefined {
  const parts: string[] = [];
  for (const target of targets) {
    // Target first, then verbs: no request object per (verb, target) on this hot path.
    if (!ruleCovers(rule, target)) continue;
    const granted = verbs.filter((verb) => ruleAllowsVerb(rule, verb));
    if (granted.length === 0) continue;
    const noun =
      target.subresource === undefined
        ? target.resource
        : `${target.resource}/${target.subresource}`;
    parts.push(`${granted.join(',')} ${noun}`);
  }
  return parts.length === 0 ? undefined : parts.join('; ');
}

type RbacMessage = 'risky-grant';

export interface RbacControlSpec extends Omit<
  ControlDefinition<RbacMessage>,
  'match' | 'messages' | 'check' | 'requires'
> {
  /** What the rule grants that this control cares about, as text; undefined when nothing. */
  readonly risk: (grant: BindingGrant) => string | undefined;
}

/**
 * Declares a control over what bindings grant. It judges RoleBindings and ClusterRoleBindings:
 * one finding per (subject, risky rule), at the subject entry of the binding, so the location
 * points at the line that hands the permission out; the message and evidence name the role
 * and rule. Kubernetes' bootstrap defaults are left out (see {@link isBootstrapDefault}).
 */
export function defineRbacControl(spec: RbacControlSpec): ControlDefinition<RbacMessage> {
  const { risk, ...definition } = spec;
  return defineControl({
    ...definition,
    match: { kinds: ['RoleBinding', 'ClusterRoleBinding'] },
    messages: {
      'risky-grant': '{subject} can {grant} {scope} through {roleKind} {role} ({rule}).',
    },
    check: (resource, context): Violation<RbacMessage>[] => {
      const binding = bindingOf(resource, context);
      if (binding === undefined || isBootstrapDefault(resource)) return [];
      return grantsOf(binding, context).flatMap((grant) => {
        const what = risk(grant);
        if (what === undefined) return [];
        return [
          {
            messageId: 'risky-grant' as const,
            data: {
              subject: describeSubject(grant.subject),
              grant: what,
              scope: describeScope(binding),
              roleKind: binding.roleRef?.kind ?? 'Role',
              role: binding.roleRef?.name ?? '?',
              rule: pathText(grant.rulePath),
            },
            path: grant.subjectPath,
            evidence: grantChain(grant, what),
          },
        ];
      });
    },
  });
}
