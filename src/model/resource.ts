import type { JsonPath } from '../core/json-path.js';

/** 1-based line and column in a source file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps JSON paths inside one resource to positions in its source. `locate` answers for the
 * deepest node along the path that exists, and says whether that node is the one asked for.
 */
export interface SourceMap {
  locate(path: JsonPath): { readonly position: Position; readonly exact: boolean } | undefined;
}

/** Where a resource came from. */
export interface Origin {
  /** Path as the user gave it (relative paths stay relative), or `-` for stdin. */
  readonly file: string;
  /** 0-based index of the YAML document in the file. */
  readonly documentIndex: number;
  /** Position of the resource's first line. */
  readonly position: Position;
  readonly sourceMap: SourceMap;
  /**
   * Set when the resource was rendered from a template (Helm): the template path inside the chart
   * (`templates/x.yaml`) and the template line of the resource's start. `file` and positions then
   * point into the template too.
   */
  readonly rendered?: { readonly template: string; readonly line?: number } | undefined;
}

/** A Kubernetes object as parsed: a plain JSON-like object. */
export type KubeObject = Readonly<Record<string, unknown>>;

/** The envelope every source produces and every control receives. */
export interface Resource {
  /** Stable identity: `group/Kind/namespace/name`, suffixed with `@file#doc` only on collision. */
  readonly id: string;
  readonly apiVersion: string;
  /** API group, '' for the core group. */
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string | undefined;
  readonly object: KubeObject;
  readonly origin?: Origin | undefined;
}

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → ''. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Identity of a resource without its origin; see {@link Resource.id}. */
export function identityOf(
  group: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): string {
  return `${group === '' ? 'core' : group}/${kind}/${namespace ?? ''}/${name}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
