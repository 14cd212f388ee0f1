import type { JsonPath } from '../core/json-path.js';
import {
  containersOf,
  malformedContainerList,
  readSecurityContext,
  type ContainerListKind,
  type ContainerRef,
  type SecurityContextRef,
} from '../model/containers.js';
import type { Resource } from '../model/resource.js';
import { podSpecOf, podSpecPathOf, type PodSpecRef } from '../model/workload.js';
import type { CheckResult, Violation } from './define.js';
import { toDotted } from '../core/json-path.js';

/** Why a workload cannot be judged: where its pod spec should be. */
function noPodSpecReason(resource: Resource): string {
  const path = podSpecPathOf(resource.kind);
  return path === undefined
    ? `${resource.kind} has no pod spec`
    : `no pod spec to judge: ${path.length === 0 ? 'the object' : toDotted(path)} is missing or not an object`;
}

/** Runs `judge` on the pod spec of a workload, or skips when there is none to read. */
export function judgePodSpec<M extends string>(
  resource: Resource,
  judge: (pod: PodSpecRef) => Violation<M>[],
): CheckResult<M> {
  const pod = podSpecOf(resource);
  if (pod === undefined) return { skipped: noPodSpecReason(resource) };
  return judge(pod);
}

/** A pod spec's containers, or why its container lists cannot be judged. */
type ContainerScope =
  | { readonly skipped: string; readonly refs?: undefined }
  | { readonly skipped?: undefined; readonly refs: readonly ContainerRef[] };

/** Every container-level control asks the same of each pod spec: answered once per spec. */
const containerScopes = new WeakMap<PodSpecRef, ContainerScope>();

function containerScopeOf(pod: PodSpecRef): ContainerScope {
  let scope = containerScopes.get(pod);
  if (scope === undefined) {
    const malformed = malformedContainerList(pod.spec);
    if (malformed !== undefined) {
      scope = { skipped: `${toDotted(pod.path.concat(malformed))} is not a list` };
    } else if (!Array.isArray(pod.spec['containers'])) {
      scope = { skipped: `${toDotted(pod.path.concat('containers'))} is missing` };
    } else {
      scope = { refs: containersOf(pod.spec, pod.path) };
    }
    containerScopes.set(pod, scope);
  }
  return scope;
}

/**
 * Runs `judge` on every container of a workload. Skips when the pod spec is missing, has no
 * `containers` list, or a container list is not a list; an empty list passes.
 */
export function judgeContainers<M extends string>(
  resource: Resource,
  judge: (container: ContainerRef, pod: PodSpecRef) => Violation<M>[],
  kinds?: readonly ContainerListKind[],
): CheckResult<M> {
  const pod = podSpecOf(resource);
  if (pod === undefined) return { skipped: noPodSpecReason(resource) };
  const scope = containerScopeOf(pod);
  if (scope.skipped !== undefined) return { skipped: scope.skipped };
  const refs = kinds === undefined ? scope.refs : containersOf(pod.spec, pod.path, kinds);
  // A plain loop, not flatMap: this runs for every container-level control on every workload.
  const violations: Violation<M>[] = [];
  for (const ref of refs) {
    const found = judge(ref, pod);
    if (found.length === 1) violations.push(found[0] as Violation<M>);
    else if (found.length > 1) violations.push(...found);
  }
  return violations;
}

export type { SecurityContextRef } from '../model/containers.js';

/** The securityContext of a container (read when its ref was made), or of any other owner. */
export function securityContextOf(
  owner:
    | ContainerRef
    | { readonly container: Readonly<Record<string, unknown>>; readonly path: JsonPath },
): SecurityContextRef {
  return 'securityContext' in owner ? owner.securityContext : readSecurityContext(owner);
}

/** The pod-level securityContext of a pod spec. */
export function podSecurityContextOf(pod: PodSpecRef): SecurityContextRef {
  return securityContextOf({ container: pod.spec, path: pod.path });
}

/** Renders an offending value for evidence: strings as-is, everything else as JSON. */
export function evidenceOf(value: unknown): string {
  if (typeof value === 'string') return value;
  // JSON.stringify answers undefined for undefined and functions, despite its declared type.
  const json = JSON.stringify(value) as string | undefined;
  return json ?? String(value);
}
