import { describeContainer, type ContainerRef } from '../model/containers.js';
import { parseImageReference } from '../model/image-ref.js';
import type { Violation } from './define.js';

/** A release number read from an image tag: `v2.1.8`, `9.2.3-ubuntu`. */
export type Release = readonly [major: number, minor: number, patch: number];

/** Reads `[v]MAJOR.MINOR.PATCH[-suffix][+build]`; undefined for anything else (`latest`, `2.1`). */
export function releaseOf(tag: string | undefined): Release | undefined {
  if (tag === undefined) return undefined;
  const match = /^v?(\d{1,6})\.(\d{1,6})\.(\d{1,6})(?:[-+].*)?$/.exec(tag);
  if (match === null) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** Negative, zero or positive as `a` is older than, equal to or newer than `b`. */
export function compareReleases(a: Release, b: Release): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** `[from, to)`: releases at or after `from` and before `to`. */
export type ReleaseRange = readonly [from: Release, to: Release];

export function inRanges(release: Release, ranges: readonly ReleaseRange[]): boolean {
  return ranges.some(
    ([from, to]) => compareReleases(release, from) >= 0 && compareReleases(release, to) < 0,
  );
}

/** A container image split for matching: last repository segment and the tag's release. */
export interface ImageOfContainer {
  readonly image: string;
  /** Repository path without registry, e.g. `argoproj/argocd`. */
  readonly repository: string;
  /** Last path segment of the repository, e.g. `argocd`. */
  readonly name: string;
  readonly release: Release | undefined;
}

export function imageOf(ref: ContainerRef): ImageOfContainer | undefined {
  const image = ref.container['image'];
  if (typeof image !== 'string') return undefined;
  const parsed = parseImageReference(image.trim());
  if (parsed === undefined) return undefined;
  const name = parsed.repository.slice(parsed.repository.lastIndexOf('/') + 1);
  return { image, repository: parsed.repository, name, release: releaseOf(parsed.tag) };
}

/**
 * Judges a container against a product's vulnerable releases. Images of the product whose tag is
 * not a release number (a digest, `latest`) cannot be judged and pass: the image-tag controls
 * report those.
 */
export function judgeVulnerableImage(
  ref: ContainerRef,
  products: ReadonlySet<string>,
  ranges: readonly ReleaseRange[],
): Violation<'vulnerable-version'>[] {
  const found = imageOf(ref);
  if (found?.release === undefined || !products.has(found.name)) return [];
  if (!inRanges(found.release, ranges)) return [];
  return [
    {
      messageId: 'vulnerable-version',
      data: { container: describeContainer(ref), image: found.image },
      path: ref.path.concat('image'),
      evidence: found.image,
    },
  ];
}
