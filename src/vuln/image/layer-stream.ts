import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import type * as TarStream from 'tar-stream';
import { CubecapeError, describeError, isCubecapeError } from '../../core/errors.js';
import { tarStream } from '../../core/lazy-require.js';
import { BombGuard, HashCounter, decoderStages, detectCompression } from './decompress.js';
import type { ImageLimits, LimitCounters } from './limits.js';

/** One layer blob on disk. */
export interface LayerBlob {
  /** The blob file (in the private temp dir or an OCI layout). */
  readonly file: string;
  /** How errors name the layer (`image.tar: blobs/sha256/ab…`). */
  readonly where: string;
  /** Expected sha256 of the uncompressed tar (`sha256:…`), from the config's rootfs.diff_ids. */
  readonly diffId: string;
  /** Expected sha256 of the blob itself, when the format records it. */
  readonly digest?: string;
}

/** A tar entry: its header and a readable of its contents. */
export type TarEntry =
  ReturnType<typeof TarStream.extract> extends AsyncIterable<infer E> ? E : never;

/** Larger reads mean fewer callbacks through the pipeline than the 64 KiB default. */
const READ_CHUNK = 1024 * 1024;

export type EntryHandler = (entry: TarEntry) => Promise<'next' | 'stop'>;

/**
 * Streams a layer's tar entries to `onEntry`. With `verify`, checks the blob digest and the diff
 * id once the whole layer was read. Every failure becomes a CubecapeError naming the layer.
 */
export async function streamLayer(
  layer: LayerBlob,
  limits: ImageLimits,
  counters: LimitCounters,
  onEntry: EntryHandler,
  verify: boolean,
): Promise<void> {
  const compression = await detectCompression(layer.file);
  // Hash only what will be checked: the blob when its digest is known, the tar when verifying.
  const compressed = new HashCounter(verify && layer.digest !== undefined);
  const uncompressed = new HashCounter(verify);
  const guard = new BombGuard(limits, counters, compressed, layer.where);
  const extract = tarStream().extract();
  let stopped = false;
  // Without verification there is no reason to read past the last wanted entry.
  const abort = new AbortController();
  const consume = (async () => {
    for await (const entry of extract) {
      if (stopped) {
        entry.resume();
        continue;
      }
      if ((await onEntry(entry)) === 'stop') {
        stopped = true;
        if (!verify) {
          abort.abort();
          return;
        }
      }
      entry.resume();
    }
  })();
  try {
    await Promise.all([
      pipeline(
        createReadStream(layer.file, { highWaterMark: READ_CHUNK }),
        compressed,
        ...decoderStages(compression, guard),
        uncompressed,
        extract,
        { signal: abort.signal },
      ),
      consume,
    ]);
  } catch (error) {
    extract.destroy();
    if (abort.signal.aborted) return;
    if (isCubecapeError(error)) throw error;
    throw new CubecapeError(
      'FILE_UNREADABLE',
      `${layer.where}: cannot read the layer (${compression === 'none' ? 'tar' : compression}): ${describeError(error)}`,
      { file: layer.where, cause: error },
    );
  }
  if (!verify) return;
  if (layer.digest !== undefined)
    checkDigest(layer.where, 'blob digest', layer.digest, compressed.digest());
  checkDigest(layer.where, 'diff id (rootfs.diff_ids)', layer.diffId, uncompressed.digest());
}

/** Throws when an expected digest (if any) differs from the computed one. */
export function checkDigest(
  where: string,
  what: string,
  expected: string | undefined,
  actual: string,
): void {
  if (expected === undefined || expected === actual) return;
  throw new CubecapeError(
    'FILE_UNREADABLE',
    `${where}: ${what} mismatch: expected ${expected}, got ${actual}; the image is corrupt or was tampered with`,
    { file: where },
  );
}

/** Discards a stream's data: for entries nobody wants. */
export function sink(): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback();
    },
  });
}
