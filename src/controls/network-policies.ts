import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { indexSelectors } from '../model/selectors.js';
import { perNamespace, templatesMatching } from './scan-scope.js';

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

/** True when a policy selects any pod template of its namespace in the scan. */
export function policySelectsTemplates(context: ScanContext, policy: Resource): boolean {
  return ruleSets(policy).some(
    ({ selector }) => templatesMatching(context, policy.namespace, selector).length > 0,
  );
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
  for (const { directions } of ruleSetsSelecting(context, namespace)(labels)) {
    selected = true;
    ingress ||= directions.ingress;
    egress ||= directions.egress;
  }
  return { ingress, egress, selected };
}

type RuleSetLookup = (labels: Readonly<Record<string, string>>) => RuleSet[];

const ruleSetIndexes = new WeakMap<ScanContext, Map<string | undefined, RuleSetLookup>>();

/**
 * The rule sets of a namespace's policies, indexed by selector once per scan: every workload
 * asks, and trying each policy for each workload is quadratic in a large namespace.
 */
function ruleSetsSelecting(context: ScanContext, namespace: string | undefined): RuleSetLookup {
  return perNamespace(ruleSetIndexes, context, namespace, () =>
    indexSelectors(
      policiesIn(context, namespace).flatMap((policy) => ruleSets(policy)),
      ({ selector }) => selector,
    ),
  );
}
