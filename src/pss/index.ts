/**
 * Pod Security Standards: upstream's baseline and restricted checks, version by version, as a
 * pure evaluator over pod metadata and spec.
 */
export {
  activePssChecks,
  evaluatePodSecurity,
  evaluatePssCheck,
  evaluatePssCheckOnView,
  isPodAllowed,
  PSS_CHECKS,
} from './evaluate.js';
export type {
  PodLike,
  PssCheckId,
  PssCheckInfo,
  PssCheckOutcome,
  PssCheckResult,
  PssCheckRevision,
  PssLevel,
  PssVersion,
} from './types.js';
export { viewPod, type PodView } from './pod-view.js';
export { minorOf, parsePssVersion, PSS_LATEST_MINOR, tryParsePssVersion } from './version.js';
