import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Decompress } from 'fzstd';
import { CubecapeError } from '../../core/errors.js';
import { fzstd } from '../../core/lazy-require.js';
import type { ImageLimits, LimitCounters } from './limits.js';

export type Compression = 'gzip' | 'zstd' | 'none';

const ZSTD_MAGIC = Buffer.from([0x28, 0xb5, 0x2f, 0xfd]);

/** What the first bytes of a blob say about its compression (the media type is only a hint). */
export function compressionOf(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.length >= 4 && head.subarray(0, 4).equals(ZSTD_MAGIC)) return 'zstd';
  return 'none';
}

/** Reads the first bytes of a file to detect its compression. */
export async function detectCompression(file: string): Promise<Compression> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return compressionOf(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Passes bytes through while counting and (unless `hashing` is false) hashing them. sha256 is the
 * costliest step of reading a layer, so passes that verify nothing only count.
 */
export class HashCounter extends Transform {
  readonly hash: Hash | undefined;
  bytes = 0;
  constructor(hashing = true) {
    super();
    this.hash = hashing ? createHash('sha256') : undefined;
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash?.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }
  private final: string | undefined;
  /** `sha256:…` of everything passed through; only valid once the stream ended, and only when hashing. */
  digest(): string {
    if (this.hash === undefined) throw new Error('HashCounter: created without hashing');
    this.final ??= `sha256:${this.hash.digest('hex')}`;
    return this.final;
  }
}

/** Fed in small slices so that one highly compressed chunk cannot expand unchecked in memory. */
const ZSTD_SLICE = 16 * 1024;

/** A zstd decoder stream on fzstd (Node 20 has no zlib zstd). */
class ZstdDecoder extends Transform {
  private readonly decoder: Decompress;
  private readonly guard: (bytes: number) => void;
  constructor(guard: (bytes: number) => void) {
    super();
    this.guard = guard;
    this.decoder = new (fzstd().Decompress)((data) => {
      this.guard(data.length);
      this.push(Buffer.from(data.buffer, data.byteOffset, data.length));
    });
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      for (let offset = 0; offset < chunk.length; offset += ZSTD_SLICE) {
        this.decoder.push(chunk.subarray(offset, offset + ZSTD_SLICE));
      }
      callback();
    } catch (error) {
      callback(asError(error));
    }
  }
  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.push(new Uint8Array(0), true);
      callback();
    } catch (error) {
      callback(asError(error));
    }
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Counts uncompressed bytes against the limits: total bytes of the pass and the layer's ratio to
 * the compressed bytes read so far. Throws a FILE_TOO_LARGE error naming the layer.
 */
export class BombGuard {
  private layerBytes = 0;
  constructor(
    private readonly limits: ImageLimits,
    private readonly counters: LimitCounters,
    private readonly compressed: HashCounter,
    private readonly where: string,
  ) {}

  add(bytes: number): void {
    this.layerBytes += bytes;
    this.counters.uncompressedBytes += bytes;
    if (this.counters.uncompressedBytes > this.limits.maxTotalBytes) {
      throw new CubecapeError(
        'FILE_TOO_LARGE',
        `${this.where}: the image expands to more than ${this.limits.maxTotalBytes} bytes (limit maxTotalBytes); it may be a decompression bomb`,
        { file: this.where },
      );
    }
    const ratio = this.layerBytes / Math.max(this.compressed.bytes, 1);
    if (this.layerBytes > this.limits.ratioGraceBytes && ratio > this.limits.maxRatio) {
      throw new CubecapeError(
        'FILE_TOO_LARGE',
        `${this.where}: the layer expands more than ${this.limits.maxRatio} times (limit maxRatio, ${this.layerBytes} bytes from ${this.compressed.bytes}); it looks like a decompression bomb`,
        { file: this.where },
      );
    }
  }
}

/** Counts plain (uncompressed) layers and the output of zlib against the guard. */
export class GuardStream extends Transform {
  constructor(private readonly guard: BombGuard) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.guard.add(chunk.length);
      callback(null, chunk);
    } catch (error) {
      callback(asError(error));
    }
  }
}

/** zlib's 16 KiB default output chunk costs one callback per 16 KiB; 256 KiB cuts that 16-fold. */
const INFLATE_CHUNK = 256 * 1024;

/** The decoding stages for a compression, guarded against bombs. */
export function decoderStages(compression: Compression, guard: BombGuard): Transform[] {
  switch (compression) {
    case 'gzip':
      return [createGunzip({ chunkSize: INFLATE_CHUNK }), new GuardStream(guard)];
    case 'zstd':
      return [
        new ZstdDecoder((bytes) => {
          guard.add(bytes);
        }),
      ];
    case 'none':
      return [new GuardStream(guard)];
  }
}
