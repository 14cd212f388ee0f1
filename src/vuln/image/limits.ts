/**
 * Limits that stop hostile or broken images (decompression bombs, archives with millions of
 * entries) before they exhaust memory, disk or time. Every limit has a documented default
 * (docs/images.md) and can be changed through {@link OpenTargetOptions.limits}.
 */
export interface ImageLimits {
  /** Uncompressed bytes read from all layers together, per pass. */
  readonly maxTotalBytes: number;
  /** Largest uncompressed/compressed ratio of one layer, enforced once the layer passed `ratioGraceBytes`. */
  readonly maxRatio: number;
  /** Uncompressed bytes of a layer before `maxRatio` applies (small layers compress very well). */
  readonly ratioGraceBytes: number;
  /** Tar entries of all layers together. */
  readonly maxEntries: number;
  /** Size of one manifest, index, config or other JSON document. */
  readonly maxJsonBytes: number;
  /** Layers of one image. */
  readonly maxLayers: number;
  /** Bytes written to the private temp dir (archive contents, pulled blobs). */
  readonly maxArchiveBytes: number;
}

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxTotalBytes: 32 * GIB,
  maxRatio: 250,
  ratioGraceBytes: 64 * MIB,
  maxEntries: 2_000_000,
  maxJsonBytes: 8 * MIB,
  maxLayers: 256,
  maxArchiveBytes: 32 * GIB,
};

/** The defaults overridden by what the caller set. */
export function resolveLimits(partial: Partial<ImageLimits> | undefined): ImageLimits {
  return { ...DEFAULT_IMAGE_LIMITS, ...partial };
}

/** Running totals across the layers of one pass. */
export class LimitCounters {
  uncompressedBytes = 0;
  entries = 0;
}
