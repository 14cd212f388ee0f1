import type { JsonPath } from '../core/json-path.js';
import { isRecord } from './resource.js';

/** The three lists of a pod spec that hold containers. */
export const CONTAINER_LISTS = ['containers', 'initContainers', 'ephemeralContainers'] as const;
export type ContainerListKind = (typeof CONTAINER_LISTS)[number];

/** One container of a pod spec with where it lives. */
export interface ContainerRef {
  readonly container: Readonly<Record<string, unknown>>;
  readonly kind: ContainerListKind;
  readonly index: number;
  /** e.g. `['spec', 'template', 'spec', 'initContainers', 0]`. */
  readonly path: JsonPath;
  /** The container's name, when it is a string. */
  readonly name: string | undefined;
  /** How messages name the container (see {@link describeContainer}). */
  readonly description: string;
  /** Its securityContext, read once: some thirty controls look at it. */
  readonly securityContext: SecurityContextRef;
}

/** A securityContext (of a container or a pod spec) when it is an object, and where it is. */
export interface SecurityContextRef {
  readonly context: Readonly<Record<string, unknown>> | undefined;
  readonly path: JsonPath;
  /** Where a missing field of the context should be reported: the context, or its owner. */
  readonly parentPath: JsonPath;
}

/** The securityContext of `owner` (a container, or a pod spec with `container` its spec). */
export function readSecurityContext(owner: {
  readonly container: Readonly<Record<string, unknown>>;
  readonly path: JsonPath;
}): SecurityContextRef {
  const value = owner.container['securityContext'];
  const path = owner.path.concat('securityContext');
  if (isRecord(value)) return { context: value, path, parentPath: path };
  // A securityContext that is present but not an object is itself the offending node.
  return {
    context: undefined,
    path,
    parentPath: value === undefined || value === null ? owner.path : path,
  };
}

/**
 * Every container, init container and ephemeral container of a pod spec, in that order.
 * Lists that are not arrays and entries that are not objects are skipped.
 */
export function containersOf(
  spec: Readonly<Record<string, unknown>>,
  specPath: JsonPath,
  kinds: readonly ContainerListKind[] = CONTAINER_LISTS,
): readonly ContainerRef[] {
  // Most controls ask for the full list: remember it per pod spec (same spec, same path).
  const cached = containerCache.get(spec);
  let refs: readonly ContainerRef[];
  // A YAML alias can put one spec object at two paths: only reuse a list built for this path.
  if (cached !== undefined && samePath(cached.specPath, specPath)) {
    refs = cached.refs;
  } else {
    refs = Object.freeze(collectContainers(spec, specPath, CONTAINER_LISTS));
    containerCache.set(spec, { specPath, refs });
  }
  if (kinds === CONTAINER_LISTS) return refs;
  // Some of the lists: the same ref objects (callers may remember things per ref), in `kinds` order.
  return kinds.flatMap((kind) => refs.filter((ref) => ref.kind === kind));
}

const containerCache = new WeakMap<object, { specPath: JsonPath; refs: readonly ContainerRef[] }>();

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a === b || (a.length === b.length && a.every((segment, i) => segment === b[i]));
}

function collectContainers(
  spec: Readonly<Record<string, unknown>>,
  specPath: JsonPath,
  kinds: readonly ContainerListKind[],
): ContainerRef[] {
  const refs: ContainerRef[] = [];
  for (const kind of kinds) {
    const list = spec[kind];
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const name = typeof container['name'] === 'string' ? container['name'] : undefined;
      const path = specPath.concat(kind, index);
      refs.push({
        container,
        kind,
        index,
        path,
        name,
        description: describe(kind, index, name),
        securityContext: readSecurityContext({ container, path }),
      });
    });
  }
  return refs;
}

/**
 * The first container list that is present but not an array, if any: controls report such specs
 * as skipped rather than passing them.
 */
export function malformedContainerList(
  spec: Readonly<Record<string, unknown>>,
): ContainerListKind | undefined {
  for (const kind of CONTAINER_LISTS) {
    const list = spec[kind];
    if (list !== undefined && list !== null && !Array.isArray(list)) return kind;
  }
  return undefined;
}

function describe(kind: ContainerListKind, index: number, name: string | undefined): string {
  const noun =
    kind === 'containers'
      ? 'container'
      : kind === 'initContainers'
        ? 'init container'
        : 'ephemeral container';
  return name === undefined ? `${noun} ${kind}[${index}]` : `${noun} "${name}"`;
}

/** How a message names a container: `container "web"`, or `initContainers[2]` when unnamed. */
export function describeContainer(ref: ContainerRef): string {
  return ref.description;
}
