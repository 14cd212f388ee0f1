import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { labelSelectorMatches } from '../model/selectors.js';

/** Policy kinds that select pods of their own namespace. */
export const POLICY_KINDS = ['NetworkPolicy', 'CiliumNetworkPolicy'] as const;

/** Which traffic directions a policy isolates for the pods it selects. */
export interface PolicyDirections {
  readonly ingress: boolean;
  readonly egress: boolean;
}

/** Kubernetes NetworkPolicy: policyTypes when given, else Ingress plus Egress if egress rules exist. */
function networkPolicyDirections(spec: Readonly<Record<string, unknown>>): PolicyDirections {
  const types = spec['policyTypes'];
  if (Array.isArray(types) && types.length > 0) {
    return { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
  }
  return { ingress: true, egress: spec['egress'] !== undefined && spec['egress'] !== null };
}

/** Cilium drops the `k8s:` / `any:` source prefixes from label keys when matching pods. */
function ciliumSelector(selector: unknown): unknown {
  if (!isRecord(selector) || !isRecord(selector['matchLabels'])) return selector;
  const matchLabels = Object.fromEntries(
    Object.entries(selector['matchLabels']).map(([key, value]) => [
      key.replace(/^(?:k8s|any):/, ''),
      value,
    ]),
  );
  return { ...selector, matchLabels };
}

interface RuleSet {
  readonly selector: unknown;
  readonly directions: PolicyDirections;
}

const ruleSetCache = new WeakMap<Resource, readonly RuleSet[]>();

/** The selector and directions of each rule set of a policy, computed once per policy. */
function ruleSets(policy: Resource): readonly RuleSet[] {
  let sets = ruleSetCache.get(policy);
  if (sets === undefined) {
    sets = computeRuleSets(policy);
    ruleSetCache.set(policy, sets);
  }
  return sets;
}

/** The selector and directions of each rule set of a policy (Cilium allows a `specs` list). */
function computeRuleSets(policy: Resource): RuleSet[] {
  const spec = policy.object['spec'];
  if (policy.kind === 'NetworkPolicy') {
    return isRecord(spec)
      ? [{ selector: spec['podSelector'], directions: networkPolicyDirections(spec) }]
      : [];
  }
  const specs = policy.object['specs'];
  const all: unknown[] = [spec, ...(Array.isArray(specs) ? (specs as unknown[]) : [])];
  return all.filter(isRecord).map((rules) => ({
    selector: ciliumSelector(rules['endpointSelector']),
    directions: {
      ingress: rules['ingress'] !== undefined || rules['ingressDeny'] !== undefined,
      egress: rules['egress'] !== undefined || rules['egressDeny'] !== undefined,
    },
  }));
}

/** The policies of a namespace, of every supported kind. */
export function policiesIn(context: ScanContext, namespace: string | undefined): Resource[] {
  return POLICY_KINDS.flatMap((kind) => [...context.resources.byKindInNamespace(kind, namespace)]);
}

/** True when a policy selects pods carrying `labels` (in the policy's namespace). */
export function policySelects(policy: Resource, labels: Readonly<Record<string, string>>): boolean {
  return ruleSets(policy).some(({ selector }) => labelSelectorMatches(selector, labels));
}

/** Which directions the namespace's policies isolate for pods carrying `labels`. */
export function isolationOf(
  context: ScanContext,
  namespace: string | undefined,
  labels: Readonly<Record<string, string>>,
): PolicyDirections & { readonly selected: boolean } {
  let ingress = false;
  let egress = false;
  let selected = false;
  for (const policy of policiesIn(context, namespace)) {
    for (const { selector, directions } of ruleSets(policy)) {
      if (!labelSelectorMatches(selector, labels)) continue;
      selected = true;
      ingress ||= directions.ingress;
      egress ||= directions.egress;
    }
  }
  return { ingress, egress, selected };
}
