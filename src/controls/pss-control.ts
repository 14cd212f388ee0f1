import { getAt, samePath, toDotted, type JsonPath } from '../core/json-path.js';
import type { Mutable } from '../core/mutable.js';
import { CONTAINER_LISTS, malformedContainerList } from '../model/containers.js';
import { isRecord, type Resource } from '../model/resource.js';
import type { ScanContext } from '../model/context.js';
import { podSpecOf, type PodSpecRef } from '../model/workload.js';
import {
  evaluatePssCheckOnView,
  PSS_CHECKS,
  viewPod,
  type PodView,
  type PssCheckId,
  type PssVersion,
  PSS_LATEST_MINOR,
} from '../pss/index.js';
import {
  defineControl,
  type CheckResult,
  type ControlAliases,
  type ControlDefinition,
  type FixPatch,
  type Violation,
} from './define.js';
import { WORKLOAD_KINDS } from './kinds.js';
import { evidenceOf, judgePodSpec } from './workload-scope.js';

/** One place the Pod Security Standards evaluator found at fault, seen from the resource. */
export interface PssOffence {
  /** The path as the evaluator reports it, rooted at the pod (`['spec', ...]`, `['metadata', ...]`). */
  readonly podPath: JsonPath;
  /** The same node inside the resource, whether or not it exists. */
  readonly path: JsonPath;
  /** False when the field is missing (a required setting left out). */
  readonly present: boolean;
  /** The offending value; undefined when the field is missing. */
  readonly value: unknown;
}

/** How a PSS control words one offence, and how to fix it when a safe fix exists. */
export interface PssVerdict<M extends string> {
  readonly messageId: M;
  readonly fix?: readonly FixPatch[];
}

/** What a `pss-*` control declares; matching, aliases for the check and evaluation are shared. */
export interface PssControlSpec<M extends string> extends Pick<
  ControlDefinition<M>,
  'id' | 'title' | 'description' | 'severity' | 'messages' | 'remediation' | 'examples'
> {
  readonly checkId: PssCheckId;
  /** Equivalent ids in other tools; the `pss` alias is added from `checkId`. */
  readonly aliases?: Omit<ControlAliases, 'pss'>;
  readonly classify: (offence: PssOffence) => PssVerdict<M>;
}

/**
 * Message data every PSS message may use: `{where}` (owner of the node), `{field}` (its last
 * path segment), `{value}` (the offending value, or `unset`) and `{version}`.
 */
type PssMessageData = Readonly<Record<'where' | 'field' | 'value' | 'version', string>>;

/** Baseline checks that `checkId` replaces at restricted level (empty for most checks). */
function replacedChecks(checkId: PssCheckId): readonly PssCheckId[] {
  return REPLACED.get(checkId) ?? [];
}

const REPLACED: ReadonlyMap<PssCheckId, readonly PssCheckId[]> = new Map(
  PSS_CHECKS.map((check) => [check.id, check.overrides]),
);

/** Maps a pod-rooted path to the resource: `spec…` to the pod spec, `metadata…` to its metadata. */
function toResourcePath(podPath: JsonPath, pod: PodSpecRef): JsonPath {
  const [root, ...rest] = podPath;
  return root === 'metadata' ? pod.metadataPath.concat(rest) : pod.path.concat(rest);
}

/** The longest prefix of `path` that exists in `object`: where a missing field would be added. */
function deepestExisting(object: unknown, path: JsonPath): JsonPath {
  for (let end = path.length; end > 0; end--) {
    const prefix = path.slice(0, end);
    if (getAt(object, prefix) !== undefined) return prefix;
  }
  return [];
}

/** A scalar (or null) standing where an object belongs is itself the evidence; a parent object is not. */
function wrongShapeEvidence(node: unknown): string | undefined {
  return node !== null && typeof node === 'object' ? undefined : evidenceOf(node);
}

const CONTAINER_NOUNS: Readonly<Record<string, string>> = {
  containers: 'container',
  initContainers: 'init container',
  ephemeralContainers: 'ephemeral container',
};

/** Names the owner of an offending node for messages: `container "app"`, `volume "data"`, `pod`. */
export function describePodPlace(
  podPath: JsonPath,
  spec: Readonly<Record<string, unknown>>,
): string {
  const [root, first, second] = podPath;
  if (root === 'metadata') {
    return first === 'annotations' && typeof second === 'string'
      ? `annotation ${JSON.stringify(second)}`
      : 'pod metadata';
  }
  if (typeof first !== 'string' || typeof second !== 'number') return 'pod';
  const entry = getAt(spec, [first, second]);
  const name = isRecord(entry) && typeof entry['name'] === 'string' ? entry['name'] : undefined;
  const noun = (CONTAINER_LISTS as readonly string[]).includes(first)
    ? CONTAINER_NOUNS[first]
    : first === 'volumes'
      ? 'volume'
      : undefined;
  if (noun === undefined) return 'pod';
  return name === undefined ? `${noun} ${first}[${second}]` : `${noun} ${JSON.stringify(name)}`;
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

/**
 * Pod paths already reported by the baseline checks `checkId` replaces, at the same version. A
 * handful at most: a list compared path by path, without building a key for each.
 */
function coveredByReplacedChecks(
  pod: PodView,
  checkId: PssCheckId,
  version: PssVersion,
): readonly JsonPath[] {
  const covered: JsonPath[] = [];
  for (const id of replacedChecks(checkId)) {
    const outcome = evaluatePssCheckOnView(pod, id, version);
    if (!outcome.inForce || outcome.failure === undefined) continue;
    covered.push(...outcome.failure.paths);
  }
  return covered;
}

/**
 * The PSS view of a workload's pod template, built once per workload: nineteen PSS controls (and
 * the baseline checks the restricted ones replace) judge the same pod. Keyed by the PodSpecRef,
 * which podSpecOf returns once per resource object.
 */
const views = new WeakMap<PodSpecRef, PodView>();

function viewOf(pod: PodSpecRef): PodView {
  let view = views.get(pod);
  if (view === undefined) {
    view = viewPod({ metadata: pod.metadata, spec: pod.spec });
    views.set(pod, view);
  }
  return view;
}

const LATEST_VERSION_TEXT = `v1.${PSS_LATEST_MINOR} (latest)`;

function judge<M extends string>(
  spec: PssControlSpec<M>,
  resource: Resource,
  pod: PodSpecRef,
  version: PssVersion,
): Violation<M>[] | { readonly skipped: string } {
  const view = viewOf(pod);
  const outcome = evaluatePssCheckOnView(view, spec.checkId, version);
  if (!outcome.inForce) {
    return { skipped: `not part of the Pod Security Standards at ${version}` };
  }
  if (outcome.failure === undefined) return [];
  const covered = coveredByReplacedChecks(view, spec.checkId, version);
  const violations: Violation<M>[] = [];
  const seen = new Set<string>();
  const { paths } = outcome.failure;
  for (const podPath of paths) {
    if (covered.length > 0 && covered.some((path) => samePath(path, podPath))) continue;
    const path = toResourcePath(podPath, pod);
    const value = getAt(resource.object, path);
    const present = value !== undefined;
    const verdict = spec.classify({ podPath, path, present, value });
    const at = present ? path : deepestExisting(resource.object, path);
    const shown = present ? evidenceOf(value) : undefined;
    const evidence = present ? shown : wrongShapeEvidence(getAt(resource.object, at));
    // Two failing fields can lead to one reported place (both missing under one parent).
    if (paths.length > 1) {
      const key = `${verdict.messageId} ${pathKey(at)}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    const data: PssMessageData = {
      where: describePodPlace(podPath, pod.spec),
      field: String(podPath.at(-1)),
      value: shown ?? 'unset',
      version: version === 'latest' ? LATEST_VERSION_TEXT : version,
    };
    const violation: Mutable<Violation<M>> = { messageId: verdict.messageId, data, path: at };
    if (evidence !== undefined) violation.evidence = evidence;
    if (verdict.fix !== undefined) violation.fix = verdict.fix;
    violations.push(violation);
  }
  return violations;
}

/**
 * Runs one Pod Security Standards check on a workload's pod template at the scan's
 * `--pss-version`. Skips when there is no pod spec to read, when a container list is not a list,
 * and when the check is not part of the standard at that version.
 */
function checkPss<M extends string>(
  spec: PssControlSpec<M>,
  resource: Resource,
  context: ScanContext,
): CheckResult<M> {
  const pod = podSpecOf(resource);
  // judgePodSpec words the skip for a missing pod spec the way every workload control does.
  if (pod === undefined) return judgePodSpec(resource, () => []);
  const malformed = malformedContainerList(pod.spec);
  if (malformed !== undefined) {
    return { skipped: `${toDotted(pod.path.concat(malformed))} is not a list` };
  }
  return judge(spec, resource, pod, context.settings.pssVersion);
}

/**
 * Declares the control for one Pod Security Standards check: it matches every kind with a pod
 * template and reports each offending field the evaluator names, translated to the resource's own
 * paths. A restricted check that replaces baseline checks (see `PSS_CHECKS[].overrides`) leaves out
 * the fields those baseline checks already report, so the two controls never report one field
 * twice; together they report exactly what the restricted check does.
 */
export function definePssControl<M extends string>(spec: PssControlSpec<M>): ControlDefinition<M> {
  return defineControl<M>({
    id: spec.id,
    title: spec.title,
    description: spec.description,
    severity: spec.severity,
    ...(spec.examples === undefined ? {} : { examples: spec.examples }),
    match: { kinds: WORKLOAD_KINDS },
    aliases: { pss: [spec.checkId], ...spec.aliases },
    messages: spec.messages,
    remediation: spec.remediation,
    check: (resource, context) => checkPss(spec, resource, context),
  });
}
