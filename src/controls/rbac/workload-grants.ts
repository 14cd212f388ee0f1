import type { JsonPath } from '../../core/json-path.js';
import type { ScanContext } from '../../model/context.js';
import { subjectKey, type PolicyRule, type RbacGraph, type SubjectRule } from '../../model/rbac.js';
import type { Resource } from '../../model/resource.js';
import type { PodSpecRef } from '../../model/workload.js';
import { defineControl, type ControlDefinition, type Violation } from '../define.js';
import { WORKLOAD_KINDS } from '../kinds.js';
import { judgePodSpec } from '../workload-scope.js';

const AUTOMOUNT = 'automountServiceAccountToken';

/** The ServiceAccount a pod runs as, and whether its API token ends up inside the pod. */
export interface PodAccount {
  readonly name: string;
  readonly namespace: string;
  readonly tokenMounted: boolean;
  /** Where the account is named (or where it would be). */
  readonly path: JsonPath;
}

/**
 * The ServiceAccount of a pod template: serviceAccountName, the deprecated serviceAccount, or
 * `default`. The token is mounted unless the pod, or else the ServiceAccount, opts out.
 */
export function podAccountOf(
  resource: Resource,
  pod: PodSpecRef,
  context: ScanContext,
): PodAccount {
  let name = 'default';
  let path: JsonPath = pod.path;
  for (const field of ['serviceAccountName', 'serviceAccount']) {
    const value = pod.spec[field];
    if (typeof value === 'string' && value !== '') {
      name = value;
      path = pod.path.concat(field);
      break;
    }
  }
  const namespace = resource.namespace ?? 'default';
  const podSetting = pod.spec[AUTOMOUNT];
  const account = context.resources.find('ServiceAccount', resource.namespace, name);
  const tokenMounted =
    typeof podSetting === 'boolean' ? podSetting : account?.object[AUTOMOUNT] !== false;
  return { name, namespace, tokenMounted, path };
}

/** `ServiceAccount team/web → ClusterRoleBinding b → ClusterRole r → rules[0]: create pods`. */
export function subjectRuleChain(held: SubjectRule, what: string): string {
  const index = held.rulePath.at(-1);
  const rule = typeof index === 'number' ? `rules[${index}]` : 'rules';
  const aggregated =
    held.ruleSource.id === held.role.id
      ? ''
      : ` (aggregated from ClusterRole ${held.ruleSource.name})`;
  return [
    `ServiceAccount ${held.subject.namespace ?? ''}/${held.subject.name}`,
    `${held.binding.kind} ${held.binding.name}`,
    `${held.role.kind} ${held.role.name}${aggregated}`,
    `${rule}: ${what}`,
  ].join(' -> ');
}

type WorkloadRbacMessage = 'token-grants';

export interface WorkloadRbacControlSpec extends Omit<
  ControlDefinition<WorkloadRbacMessage>,
  'match' | 'messages' | 'check' | 'requires'
> {
  /** What the rule grants that this control cares about, as text; undefined when nothing. */
  readonly risk: (rule: PolicyRule) => string | undefined;
}

interface RiskyRule {
  readonly rule: SubjectRule;
  readonly what: string;
}

/**
 * The risky rules of each ServiceAccount, per RBAC graph: every workload running as an account
 * (in a large namespace, thousands) holds the same rules, so they are judged once per account.
 */
type RiskCache = WeakMap<RbacGraph, Map<string, readonly RiskyRule[]>>;

function riskyRulesOf(
  spec: WorkloadRbacControlSpec,
  account: PodAccount,
  rbac: RbacGraph,
  cache: RiskCache,
): readonly RiskyRule[] {
  let byAccount = cache.get(rbac);
  if (byAccount === undefined) {
    byAccount = new Map();
    cache.set(rbac, byAccount);
  }
  const subject = { kind: 'ServiceAccount', name: account.name, namespace: account.namespace };
  const key = subjectKey(subject);
  let risky = byAccount.get(key);
  if (risky === undefined) {
    risky = rbac.rulesFor(subject).flatMap((rule) => {
      const what = spec.risk(rule.rule);
      return what === undefined ? [] : [{ rule, what }];
    });
    byAccount.set(key, risky);
  }
  return risky;
}

function judgeWorkload(
  spec: WorkloadRbacControlSpec,
  resource: Resource,
  pod: PodSpecRef,
  context: ScanContext,
  cache: RiskCache,
): Violation<WorkloadRbacMessage>[] {
  const account = podAccountOf(resource, pod, context);
  if (!account.tokenMounted) return [];
  const risky = riskyRulesOf(spec, account, context.rbac, cache);
  const first = risky[0];
  if (first === undefined) return [];
  return [
    {
      messageId: 'token-grants',
      data: {
        serviceAccount: account.name,
        grant: first.what,
        binding: `${first.rule.binding.kind} ${first.rule.binding.name}`,
        count: risky.length,
      },
      path: account.path,
      evidence: subjectRuleChain(first.rule, first.what),
    },
  ];
}

/**
 * Declares a control over workloads whose mounted ServiceAccount token carries risky RBAC rules:
 * code execution in the pod turns into those rights. Pods that do not mount the token pass.
 * One finding per pod template, naming the first risky rule and how many there are.
 */
export function defineWorkloadRbacControl(
  spec: WorkloadRbacControlSpec,
): ControlDefinition<WorkloadRbacMessage> {
  const { risk: _risk, ...definition } = spec;
  const cache: RiskCache = new WeakMap();
  return defineControl({
    ...definition,
    match: { kinds: WORKLOAD_KINDS },
    messages: {
      'token-grants':
        'The pod mounts the token of service account {serviceAccount}, which can {grant} through {binding} ({count} such rules).',
    },
    check: (resource, context) =>
      judgePodSpec(resource, (pod) => judgeWorkload(spec, resource, pod, context, cache)),
  });
}
