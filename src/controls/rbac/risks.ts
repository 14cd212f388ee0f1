import type { PolicyRule } from '../../model/rbac.js';
import type { Target } from './binding-grants.js';

/** Everything that creates or owns pods: granting create on any of them runs code in the namespace. */
export const WORKLOAD_TARGETS: readonly Target[] = [
  { group: '', resource: 'pods' },
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'replicasets' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'batch', resource: 'jobs' },
  { group: 'batch', resource: 'cronjobs' },
  { group: '', resource: 'replicationcontrollers' },
];

/** A rule as text: `get,list secrets`, `get /healthz,/version`. */
export function describeRule(rule: PolicyRule): string {
  const verbs = rule.verbs.join(',') || '(no verbs)';
  const what =
    rule.resources.length > 0 ? rule.resources.join(',') : rule.nonResourceURLs.join(',');
  const names = rule.resourceNames.length > 0 ? ` named ${rule.resourceNames.join(',')}` : '';
  return `${verbs} ${what || '(nothing)'}${names}`;
}

/** Whether a rule grants every verb on every resource of every API group. */
export function isFullWildcard(rule: PolicyRule): boolean {
  return (
    rule.verbs.includes('*') &&
    rule.resources.includes('*') &&
    rule.apiGroups.includes('*') &&
    rule.resourceNames.length === 0
  );
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** Whether a rule grants only reads (get, list, watch). */
export function isReadOnly(rule: PolicyRule): boolean {
  return rule.verbs.length > 0 && rule.verbs.every((verb) => READ_VERBS.has(verb));
}

const PUBLIC_PATHS = new Set(['/healthz', '/livez', '/readyz', '/version', '/version/']);

/** A rule that only reads the health and version endpoints, which Kubernetes opens to everyone. */
export function isPublicInfo(rule: PolicyRule): boolean {
  return (
    rule.resources.length === 0 &&
    rule.nonResourceURLs.length > 0 &&
    rule.nonResourceURLs.every((url) => PUBLIC_PATHS.has(url)) &&
    rule.verbs.every((verb) => verb === 'get')
  );
}
