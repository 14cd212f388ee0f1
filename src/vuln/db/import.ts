import { validateOsvRecord, type OsvRecord } from './osv-record.js';
import { readOsvSources } from './sources.js';
import type { StoredRecord, StoreInput, UpsertCounts, VulnDb } from './store.js';

/** A file or record that was not imported, and why. */
export interface BadRecord {
  readonly file: string;
  readonly reason: string;
}

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

/** The parts of a record the store reads, holding nothing else of the parsed document. */
function slim(record: OsvRecord): StoredRecord {
  return {
    id: record.id,
    modified: record.modified,
    ...(record.published === undefined ? {} : { published: record.published }),
    ...(record.withdrawn === undefined ? {} : { withdrawn: record.withdrawn }),
    affected: record.affected.map(({ package: pkg }) => ({
      package: { ecosystem: pkg.ecosystem, name: pkg.name },
    })),
  };
}

/**
 * Loads OSV advisories from files, directories and zip archives into `db`. Bad files and
 * invalid records are collected with the reason and skipped; they never abort the import.
 * Re-importing the same data changes nothing (see {@link VulnDb.upsert}).
 */
export function importOsv(
  db: VulnDb,
  paths: readonly string[],
  options: ImportOptions = {},
): ImportSummary {
  const started = performance.now();
  const batchSize = Math.max(1, options.batchSize ?? 5000);
  const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0, older: 0 };
  const bad: BadRecord[] = [];
  let records = 0;
  let batch: StoreInput[] = [];
  const flush = (): void => {
    const done = db.upsert(batch);
    counts.added += done.added;
    counts.updated += done.updated;
    counts.unchanged += done.unchanged;
    counts.older += done.older;
    batch = [];
  };
  for (const item of readOsvSources(paths)) {
    if ('reason' in item) {
      bad.push(item);
      continue;
    }
    const validated = validateOsvRecord(item.document);
    if ('reason' in validated) {
      bad.push({ file: item.file, reason: validated.reason });
      continue;
    }
    records++;
    batch.push({
      record: slim(validated.record),
      raw: JSON.stringify(item.document),
      source: item.file,
    });
    if (batch.length >= batchSize) flush();
  }
  if (batch.length > 0) flush();
  db.markImported((options.now ?? (() => new Date()))());
  return { ...counts, records, bad, milliseconds: performance.now() - started };
}
