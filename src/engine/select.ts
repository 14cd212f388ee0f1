import { CubecapeError } from '../core/errors.js';
import { atLeast, type Severity } from '../core/severity.js';
import type { Control } from '../controls/define.js';
import { frameworkControlIds, type FrameworkDefinition } from '../frameworks/define.js';
import { isClusterScoped } from '../model/cluster-scoped.js';
import type { Resource } from '../model/resource.js';

/** What the user asked to judge; every list is optional and empty means "no filter". */
export interface Selection {
  readonly frameworks?: readonly string[];
  readonly controls?: readonly string[];
  readonly excludeControls?: readonly string[];
  readonly includeKinds?: readonly string[];
  readonly excludeKinds?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly minSeverity?: Severity;
}

export interface SelectedControls {
  readonly controls: readonly Control[];
  /** Frameworks to score: the requested ones, or every standard framework when none was requested. */
  readonly frameworks: readonly FrameworkDefinition[];
}

function unknownIds(requested: readonly string[], known: ReadonlySet<string>): string[] {
  return requested.filter((id) => !known.has(id));
}

function suggest(kind: string, unknown: readonly string[], known: Iterable<string>): string {
  const list = [...known].sort().join(', ');
  return `unknown ${kind} ${unknown.map((id) => `"${id}"`).join(', ')}; expected one of: ${list}`;
}

/**
 * Picks the controls and frameworks a scan runs. Unknown ids are usage errors: a typo must
 * never turn into a silently empty scan.
 */
export function selectControls(
  all: readonly Control[],
  frameworks: readonly FrameworkDefinition[],
  selection: Selection,
): SelectedControls {
  const controlIds = new Set(all.map((control) => control.id));
  const frameworkById = new Map(frameworks.map((framework) => [framework.id, framework]));
  const requestedFrameworks = selection.frameworks ?? [];
  const missingFrameworks = unknownIds(requestedFrameworks, new Set(frameworkById.keys()));
  if (missingFrameworks.length > 0) {
    throw new CubecapeError(
      'UNKNOWN_FRAMEWORK',
      suggest('framework', missingFrameworks, frameworkById.keys()),
    );
  }
  for (const list of [selection.controls ?? [], selection.excludeControls ?? []]) {
    const missing = unknownIds(list, controlIds);
    if (missing.length > 0) {
      throw new CubecapeError(
        'UNKNOWN_CONTROL',
        `${suggest('control', missing, controlIds)} (see \`cubecape list controls\`)`,
      );
    }
  }

  const chosenFrameworks =
    requestedFrameworks.length > 0
      ? requestedFrameworks.map((id) => frameworkById.get(id)).filter((f) => f !== undefined)
      : // Convenience sets (all, workload, cluster) are scored only when asked for by name.
        frameworks.filter((framework) => framework.convenience !== true);
  let chosen: readonly Control[] = all;
  if (requestedFrameworks.length > 0) {
    const inFrameworks = new Set(chosenFrameworks.flatMap(frameworkControlIds));
    chosen = chosen.filter((control) => inFrameworks.has(control.id));
  }
  const explicit = selection.controls ?? [];
  if (explicit.length > 0) {
    const wanted = new Set(explicit);
    chosen = chosen.filter((control) => wanted.has(control.id));
  }
  const excluded = new Set(selection.excludeControls ?? []);
  const minSeverity = selection.minSeverity;
  chosen = chosen.filter(
    (control) =>
      !excluded.has(control.id) &&
      (minSeverity === undefined || atLeast(control.severity, minSeverity)),
  );
  return { controls: chosen, frameworks: chosenFrameworks };
}

/** Namespace a manifest without one lands in, as kubectl would apply it. */
export const DEFAULT_NAMESPACE = 'default';

/**
 * Applies kind and namespace filters. Kinds compare case-insensitively. A namespace filter drops
 * cluster-scoped resources and treats a manifest without a namespace as `default`.
 */
export function selectResources(resources: readonly Resource[], selection: Selection): Resource[] {
  const lower = (list: readonly string[] | undefined): Set<string> | undefined =>
    list && list.length > 0 ? new Set(list.map((kind) => kind.toLowerCase())) : undefined;
  const include = lower(selection.includeKinds);
  const exclude = lower(selection.excludeKinds);
  const namespaces =
    selection.namespaces && selection.namespaces.length > 0
      ? new Set(selection.namespaces)
      : undefined;
  return resources.filter((resource) => {
    const kind = resource.kind.toLowerCase();
    if (include && !include.has(kind)) return false;
    if (exclude?.has(kind)) return false;
    if (namespaces) {
      if (isClusterScoped(resource.kind)) return false;
      if (!namespaces.has(resource.namespace ?? DEFAULT_NAMESPACE)) return false;
    }
    return true;
  });
}
