import type { Resource } from './resource.js';
import type { RbacGraph } from './rbac.js';

/** Where the resources of a scan came from; controls that need live data skip on manifests. */
export type SourceKind = 'manifests' | 'cluster';

/** Lookups over every resource of a scan, built once per scan. */
export interface ResourceIndex {
  readonly all: readonly Resource[];
  byKind(kind: string): readonly Resource[];
  /** Resources whose metadata.namespace equals `namespace` (undefined: no namespace set). */
  inNamespace(namespace: string | undefined): readonly Resource[];
  byKindInNamespace(kind: string, namespace: string | undefined): readonly Resource[];
  find(kind: string, namespace: string | undefined, name: string): Resource | undefined;
}

/** Everything a control may consult besides the resource it judges. Read-only and shared. */
export interface ScanContext {
  readonly resources: ResourceIndex;
  readonly rbac: RbacGraph;
  readonly source: SourceKind;
}
