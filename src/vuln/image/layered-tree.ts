import { rm } from 'node:fs/promises';
import type { Header } from 'tar-stream';
import { CubecapeError } from '../../core/errors.js';
import type { FileEntry, FileTree, TargetInfo } from '../inventory/types.js';
import { entryPath } from './entry-path.js';
import { LimitCounters, type ImageLimits } from './limits.js';
import { MergedTable, type LayerEntry, type Origin } from './merge.js';
import { resolveIn } from './resolve.js';
import { streamLayer, type LayerBlob } from './layer-stream.js';

const DEFAULT_MAX_FILE_BYTES = 512 * 1024 * 1024;

function typeOf(header: Header): FileEntry['type'] {
  switch (header.type) {
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/**
 * Layers read at once in pass 1. Decompression runs on the libuv thread pool and hashing and tar
 * parsing on the main thread, so two layers in flight keep both busy; more only adds memory.
 */
const PASS1_CONCURRENCY = 2;

/** Reads one layer's headers (pass 1) and verifies its digests. */
async function readLayerEntries(
  layer: LayerBlob,
  limits: ImageLimits,
  counters: LimitCounters,
): Promise<LayerEntry[]> {
  const found: LayerEntry[] = [];
  await streamLayer(
    layer,
    limits,
    counters,
    (entry) => {
      counters.entries += 1;
      if (counters.entries > limits.maxEntries) {
        throw new CubecapeError(
          'FILE_TOO_LARGE',
          `${layer.where}: the image has more than ${limits.maxEntries} tar entries (limit maxEntries)`,
          { file: layer.where },
        );
      }
      const { header } = entry;
      const type = typeOf(header);
      found.push({
        path: entryPath(header.name, layer.where),
        type,
        size: type === 'file' ? header.size : 0,
        mode: header.mode & 0o7777,
        ordinal: found.length,
        ...(typeof header.linkname === 'string' && (type === 'symlink' || type === 'hardlink')
          ? { linkTarget: header.linkname }
          : {}),
      });
      return Promise.resolve('next');
    },
    true,
  );
  return found;
}

/**
 * Pass 1: reads only the headers of every layer (a few at a time), verifies digests, and builds
 * the merged table bottom layer first. When layers fail, the lowest failing layer's error is
 * thrown, as a one-at-a-time read would.
 */
async function mergeLayers(
  layers: readonly LayerBlob[],
  limits: ImageLimits,
  onProgress: ((message: string) => void) | undefined,
): Promise<MergedTable> {
  const counters = new LimitCounters();
  let active = 0;
  let failed = false;
  const waiting: (() => void)[] = [];
  const read = async (layer: LayerBlob, index: number): Promise<LayerEntry[]> => {
    while (active >= PASS1_CONCURRENCY) await new Promise<void>((wake) => waiting.push(wake));
    active += 1;
    try {
      // Once a layer failed the image cannot open: start no more layers.
      if (failed) return [];
      onProgress?.(`reading layer ${index + 1}/${layers.length} (${layer.diffId})`);
      return await readLayerEntries(layer, limits, counters);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
  const results = layers.map(read);
  // Rejections are reported in layer order by the loop below, not as unhandled.
  for (const result of results) result.catch(() => undefined);
  const table = new MergedTable();
  for (const [index, layer] of layers.entries()) {
    table.addLayer(
      index,
      layer.diffId,
      await (results[index] as Promise<LayerEntry[]>),
      layer.where,
    );
  }
  return table;
}

/** An image's merged filesystem; contents stay in the layer blobs and are streamed on `walk`. */
export class LayeredTree implements FileTree {
  readonly entries: ReadonlyMap<string, FileEntry>;
  private readonly origins: ReadonlyMap<string, Origin>;
  private closed = false;

  private constructor(
    readonly info: TargetInfo,
    table: MergedTable,
    private readonly layers: readonly LayerBlob[],
    private readonly limits: ImageLimits,
    private readonly tempDir: string | undefined,
  ) {
    this.entries = table.entries;
    this.origins = table.origins;
  }

  /** Reads and verifies the layers (pass 1). Removes `tempDir` if that fails. */
  static async open(
    info: TargetInfo,
    layers: readonly LayerBlob[],
    limits: ImageLimits,
    tempDir: string | undefined,
    onProgress?: (message: string) => void,
  ): Promise<LayeredTree> {
    try {
      const table = await mergeLayers(layers, limits, onProgress);
      return new LayeredTree(info, table, layers, limits, tempDir);
    } catch (error) {
      if (tempDir !== undefined) await rm(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  resolve(path: string): FileEntry | undefined {
    return resolveIn(this.entries, path);
  }

  /** Pass 2: re-reads only the layers holding wanted files, stopping once all were seen. */
  async walk(
    want: (entry: FileEntry) => boolean,
    visit: (entry: FileEntry, data: Buffer) => void | Promise<void>,
    options?: { readonly maxFileBytes?: number },
  ): Promise<void> {
    const maxFileBytes = options?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    const plans = new Map<number, Map<number, FileEntry[]>>();
    for (const entry of this.entries.values()) {
      const source = entry.type === 'hardlink' ? this.hardlinkSource(entry) : entry;
      if (source?.type !== 'file' || source.size > maxFileBytes || !want(entry)) continue;
      const origin = this.origins.get(source.path);
      if (origin === undefined) continue;
      let plan = plans.get(origin.layer);
      if (plan === undefined) {
        plan = new Map();
        plans.set(origin.layer, plan);
      }
      plan.set(origin.ordinal, [...(plan.get(origin.ordinal) ?? []), entry]);
    }
    const counters = new LimitCounters();
    for (const [index, plan] of [...plans].sort((a, b) => a[0] - b[0])) {
      const layer = this.layers[index];
      if (layer === undefined) continue;
      let ordinal = -1;
      let remaining = plan.size;
      await streamLayer(
        layer,
        this.limits,
        counters,
        async (tarEntry) => {
          ordinal += 1;
          const targets = plan.get(ordinal);
          if (targets === undefined) return 'next';
          const chunks: Buffer[] = [];
          for await (const chunk of tarEntry) chunks.push(chunk as Buffer);
          const data = Buffer.concat(chunks);
          for (const target of targets) await visit(target, data);
          remaining -= 1;
          return remaining === 0 ? 'stop' : 'next';
        },
        false,
      );
    }
  }

  private hardlinkSource(entry: FileEntry): FileEntry | undefined {
    return entry.linkTarget === undefined ? undefined : this.entries.get(entry.linkTarget);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.tempDir !== undefined) await rm(this.tempDir, { recursive: true, force: true });
  }
}
