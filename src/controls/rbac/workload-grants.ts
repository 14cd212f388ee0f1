import type { JsonPath } from '../../core/json-path.js';
import type { ScanContext } from '../../model/context.js';
import type { PolicyRule, SubjectRule } from '../../model/rbac.js';
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
      path = [...pod.path, field];
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
  ].join(' → ');
}

type WorkloadRbacMessage = 'token-grants';

export interface WorkloadRbacControlSpec extends Omit<
  ControlDefinition<WorkloadRbacMessage>,
  'match' | 'messages' | 'check' | 'requires'
> {
  /** What the rule grants that this control cares about, as text; undefined when nothing. */
  readonly risk: (rule: PolicyRule) => string | undefined;
}

function judgeWorkload(
  spec: WorkloadRbacControlSpec,
  resource: Resource,
  pod: PodSpecRef,
  context: ScanContext,
): Violation<WorkloadRbacMessage>[] {
  const account = podAccountOf(resource, pod, context);
  if (!account.tokenMounted) return [];
  const held = context.rbac.rulesFor({
    kind: 'ServiceAccount',
    name: account.name,
    namespace: account.namespace,
  });
  const risky = held.flatMap((rule) => {
    const what = spec.risk(rule.rule);
    return what === undefined ? [] : [{ rule, what }];
  });
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
  return defineControl({
    ...definition,
    match: { kinds: WORKLOAD_KINDS },
    messages: {
      'token-grants':
        'The pod mounts the token of service account {serviceAccount}, which can {grant} through {binding} ({count} such rules).',
    },
    check: (resource, context) =>
      judgePodSpec(resource, (pod) => judgeWorkload(spec, resource, pod, context)),
  });
}
