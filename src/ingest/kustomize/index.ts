/**
 * Kustomize builds in-process: `kustomize build` semantics over local directories (bases,
 * overlays, components, patches, generators, the built-in transformers), with origins that point
 * at the base files resources came from. Remote bases are refused: nothing touches the network.
 */
import { isCubecapeError } from '../../core/errors.js';
import { yaml } from '../../core/lazy-require.js';
import type { ResourceDraft } from '../resources.js';
import type { IngestIssue } from '../types.js';
import { buildNodes } from './build.js';
import { generatedOrigin, kustomizationFileIn, localFs, type KustomizeFs } from './fs.js';
import type { KNode } from './node.js';
import { nameOf, namespaceOf } from './node.js';
import { LEGACY_FIRST, LEGACY_LAST, legacyOrder } from './order.js';

export { isKustomizationPath } from '../project-paths.js';
export { kustomizeHash } from './hash.js';
export { applyStrategicMerge } from './strategic-merge.js';
export { applyJsonPatch } from './json-patch.js';
export { parseLabelSelector } from './select.js';
export type { KustomizeFs } from './fs.js';

/**
 * Output order: kustomize v5's default (`legacy`, unless the kustomization's `sortOptions` says
 * `fifo`), or the order resources were read in (`none`).
 */
export type KustomizeOrder = 'legacy' | 'none';

export interface KustomizeOptions {
  /** Forces an order; by default the kustomization's `sortOptions` decide, as in kustomize. */
  readonly order?: KustomizeOrder;
  /** File access; tests may substitute it. Defaults to the local filesystem. */
  readonly fs?: KustomizeFs;
}

/** A built resource: the final object and where it came from. */
export interface BuiltResource {
  readonly object: Readonly<Record<string, unknown>>;
  readonly origin: ResourceDraft['origin'];
}

/** Builds the kustomization in `dir` like `kustomize build dir`. Throws CubecapeError on failure. */
export async function buildKustomization(
  dir: string,
  options: KustomizeOptions = {},
): Promise<BuiltResource[]> {
  const { nodes, sort } = await buildNodes(dir, options.fs ?? localFs);
  const order = options.order ?? (sort.order === 'fifo' ? 'none' : 'legacy');
  const ordered =
    order === 'none'
      ? nodes
      : legacyOrder(nodes, {
          orderFirst: sort.orderFirst ?? LEGACY_FIRST,
          orderLast: sort.orderLast ?? LEGACY_LAST,
        });
  const file = (await kustomizationFileIn(dir)) ?? dir;
  return ordered.map((node: KNode) => ({
    object: node.object,
    origin: node.origin ?? generatedOrigin(file),
  }));
}

/** The YAML stream `kustomize build` prints for these resources. */
export function kustomizeText(resources: readonly BuiltResource[]): string {
  return resources
    .map((resource) => yaml().stringify(resource.object, { lineWidth: 0 }))
    .join('---\n');
}

/**
 * Builds the kustomization at `path` into resource drafts for a scan. Never throws for a broken
 * kustomization: the failure comes back as an issue and the scan is incomplete.
 */
export async function readKustomizationResources(
  path: string,
  options: KustomizeOptions = {},
): Promise<{ drafts: ResourceDraft[]; issues: IngestIssue[] }> {
  try {
    const built = await buildKustomization(path, options);
    const drafts = built.map((resource): ResourceDraft => {
      const object = resource.object;
      return {
        apiVersion: String(object['apiVersion']),
        kind: String(object['kind']),
        name: nameOf(object) || '<unnamed>',
        namespace: namespaceOf(object),
        object,
        origin: resource.origin,
      };
    });
    return { drafts, issues: [] };
  } catch (error) {
    if (!isCubecapeError(error)) throw error;
    const line = error.line === undefined ? {} : { line: error.line };
    return {
      drafts: [],
      issues: [
        {
          code: error.code,
          severity: 'error',
          message: error.message,
          file: error.file ?? path,
          ...line,
        },
      ],
    };
  }
}
