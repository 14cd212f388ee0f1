import { getAt, type JsonPath } from '../core/json-path.js';
import { isRecord, type Resource } from './resource.js';

/**
 * Where each workload kind keeps the pod template: the pod spec path and, beside it, the pod
 * metadata path (labels and annotations the pods will carry).
 */
const POD_TEMPLATE_LOCATIONS: Readonly<Record<string, JsonPath>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

/** Kinds that carry a pod spec, in the order the Kubernetes API documents them. */
export const POD_SPEC_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_LOCATIONS);

/** The pod spec of a workload, with its JSON path inside the resource. */
export interface PodSpecRef {
  readonly spec: Readonly<Record<string, unknown>>;
  /** e.g. `['spec', 'template', 'spec']` for a Deployment. */
  readonly path: JsonPath;
  /** The pod metadata (a Pod's own metadata, or the template's), when it is an object. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Where the pod metadata is or should be. */
  readonly metadataPath: JsonPath;
}

/** Path of the pod spec for a kind (whether or not a given object has one), or undefined. */
export function podSpecPathOf(kind: string): JsonPath | undefined {
  const base = Object.hasOwn(POD_TEMPLATE_LOCATIONS, kind)
    ? POD_TEMPLATE_LOCATIONS[kind]
    : undefined;
  return base === undefined ? undefined : base.concat('spec');
}

/**
 * Extracts the pod spec of a workload. Undefined for kinds without one and for objects whose
 * spec (or template) is missing or not an object — hostile shapes never throw.
 */
export function podSpecOf(resource: Pick<Resource, 'kind' | 'object'>): PodSpecRef | undefined {
  // Many controls ask for the pod spec of every workload; objects never change during a scan.
  const cached = podSpecCache.get(resource.object);
  if (cached !== undefined && cached.kind === resource.kind) return cached.ref;
  const ref = findPodSpec(resource);
  podSpecCache.set(resource.object, { kind: resource.kind, ref });
  return ref;
}

const podSpecCache = new WeakMap<object, { kind: string; ref: PodSpecRef | undefined }>();

function findPodSpec(resource: Pick<Resource, 'kind' | 'object'>): PodSpecRef | undefined {
  const base = Object.hasOwn(POD_TEMPLATE_LOCATIONS, resource.kind)
    ? POD_TEMPLATE_LOCATIONS[resource.kind]
    : undefined;
  if (base === undefined) return undefined;
  const path = base.concat('spec');
  const spec = getAt(resource.object, path);
  if (!isRecord(spec)) return undefined;
  const metadataPath = base.concat('metadata');
  const metadata = getAt(resource.object, metadataPath);
  return isRecord(metadata) ? { spec, path, metadata, metadataPath } : { spec, path, metadataPath };
}
