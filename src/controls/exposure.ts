import type { ScanContext } from '../model/context.js';
import { isRecord, type Resource } from '../model/resource.js';
import { labelsOf } from '../model/selectors.js';
import { podSpecOf } from '../model/workload.js';
import { servicesSelecting } from './scan-scope.js';

/** One way traffic from outside the cluster reaches a workload. */
export interface Exposure {
  /** `Service web (LoadBalancer)`, `Ingress shop → Service web`, `HTTPRoute r → Service web`. */
  readonly how: string;
}

const EXTERNAL_TYPES = new Set(['NodePort', 'LoadBalancer']);
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute'] as const;

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function ingressBackends(ingress: Resource): string[] {
  const spec = ingress.object['spec'];
  if (!isRecord(spec)) return [];
  const backends = [spec['defaultBackend'], spec['backend']];
  for (const rule of records(spec['rules'])) {
    const http = rule['http'];
    if (isRecord(http)) for (const path of records(http['paths'])) backends.push(path['backend']);
  }
  return backends.flatMap((backend) => {
    if (!isRecord(backend)) return [];
    const service = backend['service'];
    const name = isRecord(service) ? service['name'] : backend['serviceName'];
    return typeof name === 'string' ? [name] : [];
  });
}

function routeBackends(route: Resource): string[] {
  const spec = route.object['spec'];
  if (!isRecord(spec)) return [];
  return records(spec['rules']).flatMap((rule) =>
    records(rule['backendRefs']).flatMap((ref) =>
      typeof ref['name'] === 'string' && (ref['kind'] === undefined || ref['kind'] === 'Service')
        ? [ref['name']]
        : [],
    ),
  );
}

/** Hosts an Istio VirtualService routes to, by short Service name. */
function virtualServiceBackends(virtualService: Resource): string[] {
  const spec = virtualService.object['spec'];
  if (!isRecord(spec)) return [];
  return ['http', 'tcp', 'tls'].flatMap((protocol) =>
    records(spec[protocol]).flatMap((route) =>
      records(route['route']).flatMap((entry) => {
        const destination = entry['destination'];
        const host = isRecord(destination) ? destination['host'] : undefined;
        return typeof host === 'string' ? [host.split('.')[0] ?? host] : [];
      }),
    ),
  );
}

/**
 * How a workload is reachable from outside: NodePort or LoadBalancer Services selecting its pods,
 * and Ingresses, Gateway API routes and Istio VirtualServices of its namespace that send traffic
 * to any Service selecting them.
 */
export function exposuresOf(resource: Resource, context: ScanContext): Exposure[] {
  const pod = podSpecOf(resource);
  if (pod === undefined) return [];
  const labels = labelsOf(pod.metadata);
  const services = servicesSelecting(context, resource.namespace, labels);
  const out: Exposure[] = [];
  for (const service of services) {
    const spec = service.object['spec'];
    const type = isRecord(spec) ? spec['type'] : undefined;
    if (typeof type === 'string' && EXTERNAL_TYPES.has(type))
      out.push({ how: `Service ${service.name} (${type})` });
  }
  const names = new Set(services.map((service) => service.name));
  const routed = (kind: string, backends: (r: Resource) => string[]): void => {
    for (const route of context.resources.byKindInNamespace(kind, resource.namespace))
      for (const name of backends(route))
        if (names.has(name)) out.push({ how: `${kind} ${route.name} -> Service ${name}` });
  };
  routed('Ingress', ingressBackends);
  for (const kind of ROUTE_KINDS) routed(kind, routeBackends);
  routed('VirtualService', virtualServiceBackends);
  return out;
}
