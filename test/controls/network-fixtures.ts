/** Manifest builders shared by the networking and dangling-reference control tests. */

export function networkPolicy(
  spec: unknown,
  name = 'np',
  namespace = 'team',
  kind = 'NetworkPolicy',
): Record<string, unknown> {
  const apiVersion = kind === 'NetworkPolicy' ? 'networking.k8s.io/v1' : 'cilium.io/v2';
  return { apiVersion, kind, metadata: { name, namespace }, spec };
}

export function service(spec: unknown, name = 'web', namespace = 'team'): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace }, spec };
}

export function serviceAccount(name: string, namespace = 'team'): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}
