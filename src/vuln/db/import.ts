import { preparedGroups, type BadRecord, type PreparedGroup } from './import-batches.js';
import { batchSize, emptyBatch, ROW_WIDTH, type RecordBatch } from './record-batch.js';
import type { UpsertCounts, VulnDb } from './store.js';

export type { BadRecord } from './import-batches.js';

/** The outcome of {@link importOsv}. */
export interface ImportSummary extends UpsertCounts {
  /** Valid records read from the sources. */
  readonly records: number;
  readonly bad: readonly BadRecord[];
  readonly milliseconds: number;
}

/** Options for {@link importOsv}. */
export interface ImportOptions {
  /** Records per transaction; large batches are faster, small ones hold locks for less time. */
  readonly batchSize?: number;
  /** The clock, injectable so tests can pin the import time. */
  readonly now?: () => Date;
}

/** The default {@link ImportOptions.batchSize}. */
export const DEFAULT_BATCH_SIZE = 5000;

/** Units of source (files, zip entries) per prepared group. */
export const GROUP_SIZE = 500;

/**
 * Writes prepared groups, taken in source order, in transactions of exactly `batchSize` records
 * (the last one smaller), whatever the groups' sizes; keeps the counts and the bad records.
 */
export class ImportWriter {
  readonly counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0, older: 0 };
  readonly bad: BadRecord[] = [];
  records = 0;
  private pending: RecordBatch = emptyBatch();
  private readonly started = performance.now();

  constructor(
    private readonly db: VulnDb,
    private readonly options: ImportOptions,
  ) {}

  /** Takes the next group in source order, writing each batch as it fills. */
  add(group: PreparedGroup): void {
    // One at a time: spreading an archive's worth of bad entries could overflow the stack.
    for (const item of group.bad) this.bad.push(item);
    const { rows, indexCounts, index } = group.batch;
    const size = batchSizeOption(this.options);
    let at = 0;
    for (const [record, indexCount] of indexCounts.entries()) {
      const pending = this.pending;
      for (let column = 0; column < ROW_WIDTH; column++)
        pending.rows.push(rows[record * ROW_WIDTH + column] ?? null);
      pending.indexCounts.push(indexCount);
      for (let end = at + indexCount * 3; at < end; at++) pending.index.push(index[at] ?? '');
      if (batchSize(pending) >= size) this.flush();
    }
  }

  /** Writes the last batch, marks the import time and returns the summary. */
  finish(): ImportSummary {
    if (batchSize(this.pending) > 0) this.flush();
    this.db.markImported((this.options.now ?? (() => new Date()))());
    const { counts, records, bad } = this;
    return { ...counts, records, bad, milliseconds: performance.now() - this.started };
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = emptyBatch();
    const done = this.db.upsertBatch(batch);
    this.counts.added += done.added;
    this.counts.updated += done.updated;
    this.counts.unchanged += done.unchanged;
    this.counts.older += done.older;
    this.records += batchSize(batch);
  }
}

/**
 * Loads OSV advisories from files, directories and zip archives into `db`, on this thread. Bad
 * files and invalid records are collected with the reason and skipped; they never abort the
 * import. Re-importing the same data changes nothing (see {@link VulnDb.upsert}).
 * {@link importOsvPipelined} does the same with the reading on worker threads.
 */
export function importOsv(
  db: VulnDb,
  paths: readonly string[],
  options: ImportOptions = {},
): ImportSummary {
  const writer = new ImportWriter(db, options);
  for (const group of preparedGroups(paths, GROUP_SIZE)) writer.add(group);
  return writer.finish();
}

/** The records per transaction `options` ask for. */
export function batchSizeOption(options: ImportOptions): number {
  return Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
}
