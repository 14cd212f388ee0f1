import type { JsonPath } from '../core/json-path.js';

/** A parsed JSON object, read-only. */
export type Dict = Readonly<Record<string, unknown>>;

/**
 * The object, or undefined for anything else. Every reader here follows one rule: a field of
 * the wrong type reads as if it were unset, which is what the API server's decoder leaves to the
 * admission plugin (it refuses such an object before any policy sees it).
 */
export function dict(value: unknown): Dict | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Dict)
    : undefined;
}

/** The list, or an empty one for anything else. */
export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string field, or '' (Go's zero value) when unset or of another type. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A container of any kind, with where it sits in the pod. */
export interface ContainerRef {
  readonly path: JsonPath;
  /** The container's name, or its position (`containers[2]`) when it has none. */
  readonly label: string;
  /** The raw name, '' when unset. */
  readonly name: string;
  readonly container: Dict;
  readonly securityContext: Dict | undefined;
}

/** The parts of a pod every check reads, extracted once per evaluation. */
export interface PodView {
  readonly annotations: Dict | undefined;
  readonly spec: Dict;
  readonly podSecurityContext: Dict | undefined;
  /** Init containers, then containers, then ephemeral containers: upstream's visiting order. */
  readonly containers: readonly ContainerRef[];
  /** `spec.os.name` is `windows`: some restricted checks stop applying from v1.25. */
  readonly windows: boolean;
  /** `spec.hostUsers` is explicitly false: the pod runs in its own user namespace. */
  readonly userNamespace: boolean;
}

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;
const EMPTY: Dict = Object.freeze({});

/** Builds the view; never throws, whatever the input. */
export function viewPod(pod: unknown): PodView {
  const root = dict(pod);
  const metadata = dict(root?.['metadata']);
  const spec = dict(root?.['spec']) ?? EMPTY;
  const containers: ContainerRef[] = [];
  for (const listName of CONTAINER_LISTS) {
    const entries = list(spec[listName]);
    for (let index = 0; index < entries.length; index++) {
      const container = dict(entries[index]);
      if (container === undefined) continue;
      const name = text(container['name']);
      containers.push({
        path: ['spec', listName, index],
        label: name === '' ? `${listName}[${index}]` : name,
        name,
        container,
        securityContext: dict(container['securityContext']),
      });
    }
  }
  return {
    annotations: dict(metadata?.['annotations']),
    spec,
    podSecurityContext: dict(spec['securityContext']),
    containers,
    windows: dict(spec['os'])?.['name'] === 'windows',
    userNamespace: spec['hostUsers'] === false,
  };
}

/** `container "a"` or `containers "a", "b"`, for reasons. */
export function describeContainers(refs: readonly ContainerRef[]): string {
  const names = refs.map((ref) => JSON.stringify(ref.label)).join(', ');
  return `${refs.length === 1 ? 'container' : 'containers'} ${names}`;
}

/** `"a", "b"` with duplicates removed, for reasons that quote values. */
export function quoteAll(values: Iterable<string>): string {
  return [...new Set(values)].map((value) => JSON.stringify(value)).join(', ');
}
