import type { JsonPath } from '../core/json-path.js';

/** A Pod Security Standards level that restricts something (`privileged` restricts nothing). */
export type PssLevel = 'baseline' | 'restricted';

/** A policy version as Kubernetes spells it in `pod-security.kubernetes.io/*-version` labels. */
export type PssVersion = 'latest' | `v1.${number}`;

/** Upstream's check ids (kubernetes/pod-security-admission), so findings can be cross-referenced. */
export type PssCheckId =
  | 'privileged'
  | 'hostNamespaces'
  | 'hostPorts'
  | 'hostPathVolumes'
  | 'capabilities_baseline'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'procMount'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'hostProbesAndHostLifecycle'
  | 'restrictedVolumes'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'allowPrivilegeEscalation'
  | 'seccompProfile_restricted'
  | 'capabilities_restricted'
  | 'procMount_restricted';

/** What the evaluator reads: pod metadata and pod spec, both as parsed (any shape tolerated). */
export interface PodLike {
  readonly metadata?: unknown;
  readonly spec?: unknown;
}

/** One failed check. An empty result list means the pod is allowed at that level and version. */
export interface PssCheckResult {
  readonly checkId: PssCheckId;
  /** The level the check belongs to (a restricted evaluation also reports baseline checks). */
  readonly level: PssLevel;
  /** Short explanation naming the offending containers or values. */
  readonly reason: string;
  /**
   * Paths of the offending fields, rooted at the pod (`['spec', 'containers', 0, ...]` or
   * `['metadata', 'annotations', key]`). For a required field that is missing, the path where
   * it has to be set. Never empty.
   */
  readonly paths: readonly JsonPath[];
}

/** One revision of a check: from which policy version it behaves as described. */
export interface PssCheckRevision {
  readonly since: PssVersion;
  readonly change: string;
}

/** A check as documented: for reference docs and for controls built on the evaluator. */
export interface PssCheckInfo {
  readonly id: PssCheckId;
  readonly level: PssLevel;
  /** First policy version the check applies to. */
  readonly since: PssVersion;
  readonly description: string;
  /** Every behavioural revision, oldest first; the first one has `since` equal to the check's. */
  readonly revisions: readonly PssCheckRevision[];
  /** Baseline checks this restricted check replaces at restricted level, when it applies. */
  readonly overrides: readonly PssCheckId[];
}

/**
 * One check evaluated on its own at a version: not in force there (introduced later), or in force
 * with its failure (undefined when the pod passes it).
 */
export type PssCheckOutcome =
  | { readonly inForce: false }
  | { readonly inForce: true; readonly failure: PssCheckResult | undefined };
