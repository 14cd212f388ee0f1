import type { ScanSettings } from '../model/context.js';

/** A configured lower and/or upper bound on one resource quantity. */
export interface QuantityBound {
  /** As the user wrote it, for messages (`100m`, `2Gi`). */
  readonly text: string;
  /** In cores for CPU, bytes for memory. */
  readonly value: number;
}

/** Bounds on CPU and memory for one of `limits` or `requests`. */
export interface ResourceBounds {
  readonly cpu?: { readonly min?: QuantityBound; readonly max?: QuantityBound };
  readonly memory?: { readonly min?: QuantityBound; readonly max?: QuantityBound };
}

/** A user-supplied token format that marks a value as a credential whatever its name. */
export interface ValuePattern {
  /** What the value is, for messages (`internal API token`). */
  readonly name: string;
  readonly pattern: RegExp;
}

/**
 * How configurable controls judge, resolved from a ControlsConfig file (`--config`) over the
 * defaults. Every field is always present: controls never see a partial configuration.
 */
export interface ControlsSettings {
  /** `registry[/path]` prefixes images may come from; empty skips `allowed-registries`. */
  readonly allowedRegistries: readonly string[];
  /** `registry[/path]` prefixes images must not come from; empty skips `forbidden-registries`. */
  readonly forbiddenRegistries: readonly string[];
  /** Extra words that mark an env var or ConfigMap key as secret, besides the built-in ones. */
  readonly sensitiveKeyNames: readonly string[];
  /** Extra token formats, besides the built-in ones (AWS, GitHub, private keys, …). */
  readonly sensitiveValuePatterns: readonly ValuePattern[];
  /** Capabilities `added-capabilities` accepts, upper case without `CAP_`. */
  readonly allowedCapabilities: readonly string[];
  /** `recommended-labels`: a workload needs at least one of these. */
  readonly recommendedLabels: readonly string[];
  /** `recommended-labels`: a workload needs every one of these (none by default). */
  readonly requiredLabels: readonly string[];
  /** `common-labels`: a workload needs at least one of these. */
  readonly commonLabels: readonly string[];
  /** Bounds `resource-limits` applies to the limits that are set. */
  readonly limits: ResourceBounds;
  /** Bounds `resource-requests` applies to the requests that are set. */
  readonly requests: ResourceBounds;
  /** Absolute host paths (and everything under them) `host-path-volumes` accepts. */
  readonly allowedHostPaths: readonly string[];
  /** `1.N`: report only APIs removed in or before it; undefined reports every removed API. */
  readonly kubernetesVersion?: string;
}

/** Today's behaviour of every configurable control, used when no configuration is given. */
export const DEFAULT_CONTROLS_SETTINGS: ControlsSettings = Object.freeze({
  allowedRegistries: [],
  forbiddenRegistries: [],
  sensitiveKeyNames: [],
  sensitiveValuePatterns: [],
  allowedCapabilities: ['NET_BIND_SERVICE'],
  recommendedLabels: ['app', 'tier', 'phase', 'version', 'owner', 'env'],
  requiredLabels: [],
  commonLabels: [
    'app.kubernetes.io/name',
    'app.kubernetes.io/instance',
    'app.kubernetes.io/version',
    'app.kubernetes.io/component',
    'app.kubernetes.io/part-of',
    'app.kubernetes.io/managed-by',
    'app.kubernetes.io/created-by',
  ],
  limits: {},
  requests: {},
  allowedHostPaths: [],
});

/** The controls settings of a scan, defaults when none were configured. */
export function controlsSettingsOf(settings: ScanSettings): ControlsSettings {
  return settings.controls ?? DEFAULT_CONTROLS_SETTINGS;
}
