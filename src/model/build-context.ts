import {
  DEFAULT_SCAN_SETTINGS,
  type ResourceIndex,
  type ScanContext,
  type ScanSettings,
  type SourceKind,
} from './context.js';
import { buildRbacGraph } from './rbac.js';
import type { Resource } from './resource.js';

const EMPTY: readonly Resource[] = Object.freeze([]);

function push<K>(map: Map<K, Resource[]>, key: K, resource: Resource): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [resource]);
  else list.push(resource);
}

/**
 * Indexes resources by kind, namespace and name in one pass. Lookups return shared arrays:
 * callers must not mutate them. When two resources share kind, namespace and name, `find`
 * returns the first.
 */
export function buildResourceIndex(resources: readonly Resource[]): ResourceIndex {
  const byKind = new Map<string, Resource[]>();
  const byNamespace = new Map<string | undefined, Resource[]>();
  const byKindNamespace = new Map<string, Map<string | undefined, Resource[]>>();
  for (const resource of resources) {
    push(byKind, resource.kind, resource);
    push(byNamespace, resource.namespace, resource);
    let namespaces = byKindNamespace.get(resource.kind);
    if (namespaces === undefined) {
      namespaces = new Map();
      byKindNamespace.set(resource.kind, namespaces);
    }
    push(namespaces, resource.namespace, resource);
  }
  // Names are indexed per kind and namespace on the first lookup there: most kinds are never
  // looked up by name, and nested maps keep undefined and '' namespaces apart without a key string.
  const byName = new Map<readonly Resource[], Map<string, Resource>>();
  const find = (kind: string, namespace: string | undefined, name: string) => {
    const bucket = byKindNamespace.get(kind)?.get(namespace);
    if (bucket === undefined) return undefined;
    let names = byName.get(bucket);
    if (names === undefined) {
      names = new Map();
      for (const resource of bucket)
        if (!names.has(resource.name)) names.set(resource.name, resource);
      byName.set(bucket, names);
    }
    return names.get(name);
  };
  return {
    all: resources,
    byKind: (kind) => byKind.get(kind) ?? EMPTY,
    inNamespace: (namespace) => byNamespace.get(namespace) ?? EMPTY,
    byKindInNamespace: (kind, namespace) => byKindNamespace.get(kind)?.get(namespace) ?? EMPTY,
    find,
  };
}

/** Builds the read-only context every control of a scan shares: indexes and the RBAC graph. */
export function buildScanContext(
  resources: readonly Resource[],
  options: { readonly source: SourceKind; readonly settings?: ScanSettings },
): ScanContext {
  return {
    resources: buildResourceIndex(resources),
    rbac: buildRbacGraph(resources),
    source: options.source,
    settings: options.settings ?? DEFAULT_SCAN_SETTINGS,
  };
}
