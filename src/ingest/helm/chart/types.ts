/** The in-memory shape of a Helm chart, as the loader produces it and the renderer reads it. */

/** A file of a chart, named relative to the chart root with `/` separators. */
export interface ChartFile {
  readonly name: string;
  readonly data: Buffer;
}

/** One entry of `dependencies` in Chart.yaml (or requirements.yaml for v1 charts). */
export interface ChartDependency {
  readonly name: string;
  readonly version: string;
  readonly repository: string;
  readonly condition: string;
  readonly tags: readonly string[];
  readonly alias: string;
  /** `import-values` entries: strings or `{ child, parent }` maps. */
  readonly importValues: readonly unknown[];
}

/** Chart.yaml, checked. `raw` keeps every field for `.Chart`. */
export interface ChartMetadata {
  readonly apiVersion: string;
  readonly name: string;
  readonly version: string;
  readonly type: 'application' | 'library';
  readonly dependencies: readonly ChartDependency[];
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A loaded chart and its subcharts. */
export interface Chart {
  readonly metadata: ChartMetadata;
  /** Default values (values.yaml), decoded. */
  readonly values: Record<string, unknown>;
  /** values.schema.json, decoded, when present. */
  readonly schema: unknown;
  /** Files under `templates/`, in name order. */
  readonly templates: readonly ChartFile[];
  /** Other files, for `.Files`. */
  readonly files: readonly ChartFile[];
  /** Files under `crds/`, which Helm installs but does not template. */
  readonly crds: readonly ChartFile[];
  /** Subcharts from `charts/` (and `file://` dependencies of directory charts). */
  readonly dependencies: readonly Chart[];
}
