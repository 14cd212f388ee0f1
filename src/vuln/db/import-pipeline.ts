import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CubecapeError, ERROR_CODES, type ErrorCode } from '../../core/errors.js';
import {
  GROUP_SIZE,
  importOsv,
  ImportWriter,
  type ImportOptions,
  type ImportSummary,
} from './import.js';
import {
  PROTOCOL,
  type ImportWorkerData,
  type WorkerError,
  type WorkerMessage,
} from './import-worker.js';
import type { VulnDb } from './store.js';

/**
 * Below this many records (estimated from file and zip entry counts) a worker thread costs more
 * than it saves (it starts in ~50 ms, but its code runs cold while the calling thread's is warm),
 * and the import runs on the calling thread. Measured on 2 cores: 10,000 records take the same
 * time either way.
 */
export const PIPELINE_MIN_RECORDS = 10_000;

/** From this many records on, the default is more than one reader; below, one is as fast. */
const MANY_READERS_RECORDS = 40_000;

/** Options for {@link importOsvPipelined}. */
export interface PipelineOptions extends ImportOptions {
  /** `auto` (the default) uses a worker for large inputs only; `never` imports on this thread. */
  readonly pipeline?: 'auto' | 'always' | 'never';
  /**
   * Reader threads. By default one for fewer than 40,000 records, else one per core up to 3 (the
   * writing thread cannot keep up with more).
   */
  readonly workers?: number;
  /** The worker's entry module; tests point it elsewhere to exercise failures. */
  readonly workerUrl?: URL;
}

/**
 * Where the worker entry sits: next to this module, with its extension — `.ts` from sources,
 * `.js` in the compiled tree, `.cjs` beside the bundled CLI (where this module's URL is the
 * bundle's).
 */
function defaultWorkerUrl(): URL {
  const ext = extname(fileURLToPath(import.meta.url));
  return new URL(`./osv-import-worker${ext}`, import.meta.url);
}

/** The number of entries a zip archive declares, from its end-of-central-directory record. */
function zipEntryCount(path: string, size: number): number {
  const length = Math.min(size, 22 + 65535);
  const tail = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, tail, 0, length, size - length);
  } finally {
    closeSync(fd);
  }
  for (let at = length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) === 0x06054b50) return tail.readUInt16LE(at + 10);
  }
  return 0;
}

/** A rough count of the records under `path`, counting no further than `limit`. */
function estimate(path: string, limit: number): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0; // the import reports it
  }
  if (stats.isDirectory()) {
    let total = 0;
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isFile())) continue;
      total += estimate(join(path, entry.name), limit - total);
      if (total >= limit) break;
    }
    return total;
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.zip') {
    try {
      return zipEntryCount(path, stats.size);
    } catch {
      return 0;
    }
  }
  // One record per file, except that a large JSON file is likely a list of records (an OSV
  // record takes a few kilobytes).
  if (ext === '.json' || ext === '.yaml' || ext === '.yml')
    return stats.size > 65536 ? Math.floor(stats.size / 2048) : 1;
  return 0;
}

function estimateRecords(paths: readonly string[], limit: number): number {
  let total = 0;
  for (const path of paths) {
    total += estimate(path, limit - total);
    if (total >= limit) break;
  }
  return total;
}

function errorFromWorker(message: WorkerError): CubecapeError {
  const code: ErrorCode = Object.hasOwn(ERROR_CODES, message.code)
    ? (message.code as ErrorCode)
    : 'INTERNAL';
  const cause =
    message.cause === undefined
      ? undefined
      : Object.assign(new Error(message.cause.message), { code: message.cause.code });
  return new CubecapeError(code, message.message, {
    file: message.file,
    line: message.line,
    column: message.column,
    cause,
  });
}

/**
 * Starts the worker. From sources the entry is TypeScript, which plain Node cannot load, and on
 * Node 20 `--import tsx` in a worker's `execArgv` does not reach its entry module; so a small
 * script loads the entry through tsx's API instead.
 */
function startWorker(url: URL, workerData: ImportWorkerData): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const script = `import(${api}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${api}));`;
  return new Worker(script, { eval: true, workerData, execArgv: [] });
}

/**
 * Takes the workers' messages and hands the groups to the writer in source order: group `g` comes
 * from worker `g % workers`. Returns the summary once the worker due next says it is done (groups
 * are numbered without gaps, so no later group exists), or the first error met in that order.
 */
class GroupMerger {
  private readonly queues: WorkerMessage[][];
  private next = 0;

  constructor(
    private readonly writer: ImportWriter,
    private readonly credits: readonly Int32Array[],
  ) {
    this.queues = credits.map(() => []);
  }

  /** Queues `message` from worker `from`; then the summary when the import is complete. */
  take(from: number, message: WorkerMessage): ImportSummary | undefined {
    this.queues[from]?.push(message);
    for (;;) {
      const due = this.next % this.queues.length;
      const head = this.queues[due]?.shift();
      if (head === undefined) return undefined;
      if (head.type === 'done') return this.writer.finish();
      if (head.type === 'error') throw errorFromWorker(head);
      if (head.group !== this.next)
        throw new CubecapeError(
          'INTERNAL',
          `expected group ${this.next} from OSV import worker ${due}, got group ${head.group}`,
        );
      this.writer.add(head);
      this.next++;
      const credit = this.credits[due];
      if (credit !== undefined) {
        Atomics.sub(credit, 0, 1);
        Atomics.notify(credit, 0);
      }
    }
  }
}

/** Runs the import with `count` workers reading the sources while this thread writes to SQLite. */
function runPipeline(
  db: VulnDb,
  paths: readonly string[],
  options: PipelineOptions,
  url: URL,
  count: number,
): Promise<ImportSummary> {
  const credits = Array.from({ length: count }, () => new Int32Array(new SharedArrayBuffer(4)));
  const merger = new GroupMerger(new ImportWriter(db, options), credits);
  const workers = credits.map((credit, index) =>
    startWorker(url, {
      role: 'osv-import',
      protocol: PROTOCOL,
      paths,
      groupSize: GROUP_SIZE,
      share: { index, count },
      inFlight: credit.buffer,
    }),
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (): void => {
      settled = true;
      for (const worker of workers) void worker.terminate();
    };
    const fail = (error: unknown): void => {
      if (settled) return;
      settle();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    for (const [index, worker] of workers.entries()) {
      let finished = false;
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        if (message.type !== 'group') finished = true;
        try {
          const summary = merger.take(index, message);
          if (summary === undefined) return;
          settle();
          resolve(summary);
        } catch (error) {
          fail(error);
        }
      });
      worker.on('error', (error) => {
        fail(
          new CubecapeError('INTERNAL', `the OSV import worker failed: ${error.message}`, {
            cause: error,
          }),
        );
      });
      worker.on('exit', (code) => {
        if (finished) return;
        fail(
          new CubecapeError(
            'INTERNAL',
            `expected the OSV import worker to finish the import, but it exited with code ${code}; run the import again`,
          ),
        );
      });
    }
  });
}

/**
 * {@link importOsv} in two stages: worker threads read, inflate, parse, validate and serialise the
 * records (each a share of the files and zip entries, in groups) while this thread writes them to
 * SQLite in source order and in the same transactions, so the database, the counts and the bad
 * records are exactly those of {@link importOsv}. Small
 * inputs (under {@link PIPELINE_MIN_RECORDS}) and installs without the worker file are imported
 * on this thread. Errors keep their `CubecapeError` code; a worker that dies gives `INTERNAL`.
 */
export async function importOsvPipelined(
  db: VulnDb,
  paths: readonly string[],
  options: PipelineOptions = {},
): Promise<ImportSummary> {
  const mode = options.pipeline ?? 'auto';
  const url = options.workerUrl ?? defaultWorkerUrl();
  if (mode === 'never' || (mode === 'auto' && !existsSync(url)))
    return importOsv(db, paths, options);
  const records =
    options.workers === undefined || mode === 'auto'
      ? estimateRecords(paths, MANY_READERS_RECORDS)
      : Infinity;
  if (mode === 'auto' && records < PIPELINE_MIN_RECORDS) return importOsv(db, paths, options);
  const workers =
    options.workers ?? (records >= MANY_READERS_RECORDS ? Math.min(3, availableParallelism()) : 1);
  return runPipeline(db, paths, options, url, Math.max(1, Math.floor(workers)));
}
