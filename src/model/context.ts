import type { ControlsSettings } from '../config/controls-settings.js';
import type { PssVersion } from '../pss/index.js';
import type { Resource } from './resource.js';
import type { RbacGraph } from './rbac.js';

/** Where the resources of a scan came from; controls that need live data skip on manifests. */
export type SourceKind = 'manifests' | 'cluster';

/** Lookups over every resource of a scan, built once per scan. */
export interface ResourceIndex {
  readonly all: readonly Resource[];
  byKind(kind: string): readonly Resource[];
  /** Resources whose metadata.namespace equals `namespace` (undefined: no namespace set). */
  inNamespace(namespace: string | undefined): readonly Resource[];
  byKindInNamespace(kind: string, namespace: string | undefined): readonly Resource[];
  find(kind: string, namespace: string | undefined, name: string): Resource | undefined;
}

/** User settings that change how controls judge, shared by every control of a scan. */
export interface ScanSettings {
  /** Pod Security Standards version the `pss-*` controls apply (`--pss-version`). */
  readonly pssVersion: PssVersion;
  /**
   * How configurable controls judge (`--config`); absent means the defaults. Read it through
   * `controlsSettingsOf` so a missing value never reaches a control.
   */
  readonly controls?: ControlsSettings;
}

export const DEFAULT_SCAN_SETTINGS: ScanSettings = { pssVersion: 'latest' };

/** Everything a control may consult besides the resource it judges. Read-only and shared. */
export interface ScanContext {
  readonly resources: ResourceIndex;
  readonly rbac: RbacGraph;
  readonly source: SourceKind;
  readonly settings: ScanSettings;
}
