import { isRecord } from '../../model/resource.js';
import { labelSelectorMatches, labelsOf } from '../../model/selectors.js';
import { hasWildcard, wildcardMatch } from './wildcard.js';

/** What a match/exclude filter is tested against. */
export interface MatchSubject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly object: Readonly<Record<string, unknown>>;
  readonly operation: string;
  /** Set when a workload is judged by an auto-generated Pod rule: kinds match as `Pod`. */
  readonly asPod: boolean;
  readonly namespaceLabels: (namespace: string) => Readonly<Record<string, string>> | undefined;
}

type Filter = Readonly<Record<string, unknown>>;

function filtersOf(block: unknown): { readonly mode: 'any' | 'all'; readonly filters: Filter[] } {
  if (!isRecord(block)) return { mode: 'any', filters: [] };
  if (Array.isArray(block.any)) return { mode: 'any', filters: block.any.filter(isRecord) };
  if (Array.isArray(block.all)) return { mode: 'all', filters: block.all.filter(isRecord) };
  return { mode: 'all', filters: [block] };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** `Kind`, `version/Kind`, `group/version/Kind`, optionally `/subresource`; wildcards allowed. */
export function kindMatches(pattern: string, apiVersion: string, kind: string): boolean {
  const parts = pattern.split('/');
  const last = parts[parts.length - 1] ?? '';
  // A lower-case last part names a subresource (`Pod/exec`): never a stored object.
  if (parts.length > 1 && /^[a-z]/.test(last)) return false;
  if (!wildcardMatch(last, kind)) return false;
  if (parts.length === 1) return true;
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  if (parts.length === 2) return wildcardMatch(parts[0] ?? '', version);
  return wildcardMatch(parts[0] ?? '', group) && wildcardMatch(parts[1] ?? '', version);
}

function namespaceOf(subject: MatchSubject): string | undefined {
  return subject.kind === 'Namespace' && !subject.asPod ? subject.name : subject.namespace;
}

function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>>): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  const wild = Object.entries(matchLabels).filter(
    ([key, value]) => hasWildcard(key) || (typeof value === 'string' && hasWildcard(value)),
  );
  if (wild.length === 0) return labelSelectorMatches(selector, labels);
  const wildKeys = new Set(wild.map(([key]) => key));
  const plain = Object.fromEntries(
    Object.entries(matchLabels).filter(([key]) => !wildKeys.has(key)),
  );
  const rest = labelSelectorMatches({ ...selector, matchLabels: plain }, labels);
  return (
    rest &&
    wild.every(([key, value]) =>
      Object.entries(labels).some(
        ([k, v]) => wildcardMatch(key, k) && wildcardMatch(String(value), v),
      ),
    )
  );
}

/** Checks every constraint of one resource description; `undefined` when it sets none. */
function describeMatches(resources: Filter, subject: MatchSubject): boolean | undefined {
  const state = { constrained: false };
  const check = (ok: boolean): boolean => {
    state.constrained = true;
    return ok;
  };
  const kinds = strings(resources.kinds);
  const kindOf = subject.asPod ? 'Pod' : subject.kind;
  const apiOf = subject.asPod ? 'v1' : subject.apiVersion;
  if (kinds.length > 0 && !check(kinds.some((k) => kindMatches(k, apiOf, kindOf)))) return false;
  const names = [...strings(resources.names), ...strings([resources.name])];
  if (names.length > 0 && !check(names.some((n) => wildcardMatch(n, subject.name)))) return false;
  const namespaces = strings(resources.namespaces);
  const namespace = namespaceOf(subject);
  if (namespaces.length > 0) {
    if (!check(namespace !== undefined && namespaces.some((n) => wildcardMatch(n, namespace))))
      return false;
  }
  const operations = strings(resources.operations);
  if (operations.length > 0 && !check(operations.includes(subject.operation))) return false;
  if (isRecord(resources.annotations)) {
    const annotations = isRecord(subject.object.metadata)
      ? subject.object.metadata.annotations
      : undefined;
    const actual = isRecord(annotations) ? annotations : {};
    const ok = Object.entries(resources.annotations).every(([key, value]) =>
      Object.entries(actual).some(
        ([k, v]) =>
          wildcardMatch(key, k) && typeof v === 'string' && wildcardMatch(String(value), v),
      ),
    );
    if (!check(ok)) return false;
  }
  if (resources.selector !== undefined && resources.selector !== null) {
    if (!check(selectorMatches(resources.selector, labelsOf(subject.object.metadata))))
      return false;
  }
  if (resources.namespaceSelector !== undefined && resources.namespaceSelector !== null) {
    const labels = namespace === undefined ? undefined : subject.namespaceLabels(namespace);
    if (!check(labels !== undefined && selectorMatches(resources.namespaceSelector, labels)))
      return false;
  }
  return state.constrained ? true : undefined;
}

/** A filter: `resources` plus user constraints, which a scan has no requester for. */
function filterMatches(filter: Filter, subject: MatchSubject): boolean | undefined {
  if (strings(filter.subjects).length > 0 || Array.isArray(filter.subjects)) return false;
  if (strings(filter.roles).length > 0 || strings(filter.clusterRoles).length > 0) return false;
  return isRecord(filter.resources) ? describeMatches(filter.resources, subject) : undefined;
}

/** True when the rule's `match` selects the subject. */
export function ruleMatches(
  rule: Readonly<Record<string, unknown>>,
  subject: MatchSubject,
): boolean {
  const { mode, filters } = filtersOf(rule.match);
  if (filters.length === 0) return false;
  const results = filters.map((filter) => filterMatches(filter, subject) ?? true);
  return mode === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** True when the rule's `exclude` leaves the subject out. */
export function ruleExcludes(
  rule: Readonly<Record<string, unknown>>,
  subject: MatchSubject,
): boolean {
  const { mode, filters } = filtersOf(rule.exclude);
  if (filters.length === 0) return false;
  const results = filters.map((filter) => filterMatches(filter, subject) ?? false);
  return mode === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/**
 * Kyverno extends a rule to pod controllers when every match/exclude filter names only the
 * `Pod` kind and none narrows by name, selector or annotations.
 */
export function ruleCanAutogen(rule: Readonly<Record<string, unknown>>): boolean {
  const all = [...filtersOf(rule.match).filters, ...filtersOf(rule.exclude).filters];
  let sawPod = false;
  for (const filter of all) {
    const resources = isRecord(filter.resources) ? filter.resources : {};
    const kinds = strings(resources.kinds);
    if (kinds.some((kind) => kind !== 'Pod' && kind !== 'v1/Pod')) return false;
    if (kinds.length > 0) sawPod = true;
    if (resources.name !== undefined || resources.names !== undefined) return false;
    if (resources.selector !== undefined || resources.annotations !== undefined) return false;
  }
  return sawPod;
}
