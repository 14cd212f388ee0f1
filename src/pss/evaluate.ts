import { CubecapeError } from '../core/errors.js';
import { BASELINE_HOST_CHECKS } from './baseline-host-checks.js';
import { BASELINE_PROFILE_CHECKS } from './baseline-profile-checks.js';
import type { CheckDefinition, CheckFn } from './definition.js';
import { viewPod, type PodView } from './pod-view.js';
import { RESTRICTED_CHECKS } from './restricted-checks.js';
import type {
  PodLike,
  PssCheckId,
  PssCheckInfo,
  PssCheckOutcome,
  PssCheckResult,
  PssLevel,
  PssVersion,
} from './types.js';
import { resolvePssMinor } from './version.js';

const DEFINITIONS: readonly CheckDefinition[] = [
  ...BASELINE_HOST_CHECKS,
  ...BASELINE_PROFILE_CHECKS,
  ...RESTRICTED_CHECKS,
];

/** Every check cubecape evaluates, with the versions at which its behaviour changes. */
export const PSS_CHECKS: readonly PssCheckInfo[] = DEFINITIONS.map((definition) => {
  const revisions = definition.revisions.map((revision) => ({
    since: `v1.${revision.since}` as const,
    change: revision.change,
  }));
  const overrides = new Set(definition.revisions.flatMap((revision) => revision.overrides ?? []));
  return {
    id: definition.id,
    level: definition.level,
    since: revisions[0]?.since ?? 'v1.0',
    description: definition.description,
    revisions,
    overrides: [...overrides],
  };
});

interface ActiveCheck {
  readonly id: PssCheckId;
  readonly level: PssLevel;
  readonly evaluate: CheckFn;
}

/** The revision in force at `minor`, with what it overrides; undefined before the check exists. */
function revisionAt(definition: CheckDefinition, minor: number) {
  let active: CheckDefinition['revisions'][number] | undefined;
  for (const revision of definition.revisions) if (revision.since <= minor) active = revision;
  return active;
}

function resolveChecks(level: PssLevel, minor: number): readonly ActiveCheck[] {
  const overridden = new Set<PssCheckId>();
  const restricted: ActiveCheck[] = [];
  if (level === 'restricted') {
    for (const definition of DEFINITIONS) {
      if (definition.level !== 'restricted') continue;
      const revision = revisionAt(definition, minor);
      if (revision === undefined) continue;
      for (const id of revision.overrides ?? []) overridden.add(id);
      restricted.push({ id: definition.id, level: 'restricted', evaluate: revision.evaluate });
    }
  }
  const baseline: ActiveCheck[] = [];
  for (const definition of DEFINITIONS) {
    if (definition.level !== 'baseline' || overridden.has(definition.id)) continue;
    const revision = revisionAt(definition, minor);
    if (revision !== undefined) {
      baseline.push({ id: definition.id, level: 'baseline', evaluate: revision.evaluate });
    }
  }
  return baseline.concat(restricted);
}

// Resolved once per level and minor: evaluation then runs a flat list of functions.
const RESOLVED = new Map<string, readonly ActiveCheck[]>();

function checksFor(level: PssLevel, minor: number): readonly ActiveCheck[] {
  const key = `${level}:${minor}`;
  let checks = RESOLVED.get(key);
  if (checks === undefined) {
    checks = resolveChecks(level, minor);
    RESOLVED.set(key, checks);
  }
  return checks;
}

/**
 * Evaluates a pod against a Pod Security Standards level at a policy version, with the rules
 * upstream's admission plugin applies at that version. Restricted includes baseline.
 *
 * Pure and total over the pod: null, missing or wrongly typed fields never throw; a field of the
 * wrong type reads as unset, as the API server would have refused such a pod before admission.
 *
 * @param pod `{ metadata, spec }` of a Pod (or of a workload's pod template).
 * @returns the failed checks, in upstream's order; empty when the pod is allowed.
 * @throws CubecapeError `USAGE` when `version` is not `latest` or `v1.<minor>`, or `level` is
 *   not a known level. Versions newer than cubecape knows evaluate as `latest`.
 */
export function evaluatePodSecurity(
  pod: PodLike,
  level: PssLevel,
  version: PssVersion,
): PssCheckResult[] {
  const minor = resolvePssMinor(version);
  const checks = checksFor(assertLevel(level), minor);
  const view = viewPod(pod);
  const results: PssCheckResult[] = [];
  for (const check of checks) {
    const failure = check.evaluate(view);
    if (failure !== undefined) {
      results.push({
        checkId: check.id,
        level: check.level,
        reason: failure.reason,
        paths: failure.paths,
      });
    }
  }
  return results;
}

/** True when the pod passes every check of the level at the version. */
export function isPodAllowed(pod: PodLike, level: PssLevel, version: PssVersion): boolean {
  return evaluatePodSecurity(pod, level, version).length === 0;
}

/** Ids of the checks in force at a level and version, in evaluation order (overrides applied). */
export function activePssChecks(level: PssLevel, version: PssVersion): PssCheckId[] {
  return checksFor(assertLevel(level), resolvePssMinor(version)).map((check) => check.id);
}

/**
 * Evaluates a single check with the revision in force at `version`, whatever the level: overrides
 * play no part, so a baseline check replaced at restricted level still judges the pod by its own
 * rule. Pure and total over the pod, like {@link evaluatePodSecurity}.
 *
 * @returns `{ inForce: false }` when the check does not exist yet at that version.
 * @throws CubecapeError `USAGE` when `checkId` is not a known check or `version` is not a version.
 */
export function evaluatePssCheck(
  pod: PodLike,
  checkId: PssCheckId,
  version: PssVersion,
): PssCheckOutcome {
  return evaluatePssCheckOnView(viewPod(pod), checkId, version);
}

const DEFINITION_BY_ID: ReadonlyMap<string, CheckDefinition> = new Map(
  DEFINITIONS.map((definition) => [definition.id, definition]),
);

/** Resolved minors of the few version strings a scan uses (each judged workload asks again). */
const minorByVersion = new Map<string, number>();

function minorFor(version: PssVersion): number {
  let minor = minorByVersion.get(version);
  if (minor === undefined) {
    minor = resolvePssMinor(version);
    if (minorByVersion.size < 64) minorByVersion.set(version, minor);
  }
  return minor;
}

/**
 * {@link evaluatePssCheck} on a pod already turned into a {@link PodView}: callers that judge one
 * pod with many checks build the view once.
 */
export function evaluatePssCheckOnView(
  view: PodView,
  checkId: PssCheckId,
  version: PssVersion,
): PssCheckOutcome {
  const definition = DEFINITION_BY_ID.get(checkId);
  if (definition === undefined) {
    throw new CubecapeError(
      'USAGE',
      `expected a Pod Security Standards check id, got ${JSON.stringify(checkId)}`,
    );
  }
  const revision = revisionAt(definition, minorFor(version));
  if (revision === undefined) return { inForce: false };
  const failure = revision.evaluate(view);
  if (failure === undefined) return { inForce: true, failure: undefined };
  return {
    inForce: true,
    failure: {
      checkId: definition.id,
      level: definition.level,
      reason: failure.reason,
      paths: failure.paths,
    },
  };
}

function assertLevel(level: string): PssLevel {
  if (level === 'baseline' || level === 'restricted') return level;
  throw new CubecapeError(
    'USAGE',
    `expected a Pod Security Standards level 'baseline' or 'restricted', got ${JSON.stringify(level)}`,
  );
}
