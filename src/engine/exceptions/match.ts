import { isClusterScoped } from '../../model/cluster-scoped.js';
import { isRecord, type Resource } from '../../model/resource.js';
import { DEFAULT_NAMESPACE } from '../select.js';
import type { ExceptionRule, ResourceMatcher } from './types.js';

/**
 * The namespace a resource lands in: as written, or `default` for a namespaced kind written
 * without one (as kubectl applies it); undefined for cluster-scoped kinds.
 */
export function effectiveNamespace(
  resource: Pick<Resource, 'kind' | 'namespace'>,
): string | undefined {
  if (resource.namespace !== undefined) return resource.namespace;
  return isClusterScoped(resource.kind) ? undefined : DEFAULT_NAMESPACE;
}

/** The resource's `metadata.labels`, keeping only string values (hostile input may hold others). */
export function labelsOf(resource: Pick<Resource, 'object'>): ReadonlyMap<string, string> {
  const metadata = resource.object['metadata'];
  const labels = isRecord(metadata) ? metadata['labels'] : undefined;
  const out = new Map<string, string>();
  if (isRecord(labels)) {
    for (const [key, value] of Object.entries(labels))
      if (typeof value === 'string') out.set(key, value);
  }
  return out;
}

/** True when the resource meets every criterion of the matcher. */
export function resourceMatches(matcher: ResourceMatcher, resource: Resource): boolean {
  if (matcher.kind !== undefined && !matcher.kind(resource.kind)) return false;
  if (matcher.name !== undefined && !matcher.name(resource.name)) return false;
  if (matcher.namespace !== undefined) {
    const namespace = effectiveNamespace(resource);
    if (namespace === undefined || !matcher.namespace(namespace)) return false;
  }
  if (matcher.labels !== undefined) {
    const labels = labelsOf(resource);
    for (const [key, value] of Object.entries(matcher.labels))
      if (labels.get(key) !== value) return false;
  }
  return true;
}

/** True when the rule covers a violation of `controlId` on `resource`: every criterion given matches. */
export function ruleMatches(rule: ExceptionRule, controlId: string, resource: Resource): boolean {
  if (rule.controls !== undefined && !rule.controls.has(controlId)) return false;
  if (rule.frameworkControls !== undefined && !rule.frameworkControls.has(controlId)) return false;
  if (
    rule.resources !== undefined &&
    !rule.resources.some((matcher) => resourceMatches(matcher, resource))
  )
    return false;
  return true;
}
