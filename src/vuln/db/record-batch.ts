import { hash } from 'node:crypto';
import { baseEcosystem, ecosystemKey, normalizePackageName } from './package-name.js';
import type { OsvRecord } from './osv-record.js';

/** What the store reads from a validated record: its identity, dates and packages. */
export type StoredRecord = Pick<OsvRecord, 'id' | 'modified' | 'published' | 'withdrawn'> & {
  readonly affected: readonly {
    readonly package: { readonly ecosystem: string; readonly name: string };
  }[];
};

/** Columns per record in {@link RecordBatch.rows}. */
export const ROW_WIDTH = 7;

/**
 * Records ready to write, column by column: every value the store writes is computed (digest,
 * normalised index keys), so writing is only SQLite work. Flat arrays of strings rather than an
 * object per record, because a batch crosses from the import worker to the main thread by
 * structured clone, whose cost grows with the number of objects, not with the text.
 */
export interface RecordBatch {
  /** {@link ROW_WIDTH} values per record: id, modified, published, withdrawn, raw, digest, source. */
  readonly rows: (string | null)[];
  /** Per record, how many (base, ecosystem, name) triples it has in {@link index}. */
  readonly indexCounts: number[];
  /** Package index rows, three values each: base ecosystem, ecosystem key, normalised name. */
  readonly index: string[];
}

/** An empty {@link RecordBatch}. */
export function emptyBatch(): RecordBatch {
  return { rows: [], indexCounts: [], index: [] };
}

/** Number of records in a batch. */
export function batchSize(batch: RecordBatch): number {
  return batch.indexCounts.length;
}

/**
 * Appends one record, serialised as `raw`, to `batch`: its SHA-1 (which decides whether a re-import
 * changed it) and one index row per distinct (ecosystem, normalised name) it affects.
 */
export function addToBatch(
  batch: RecordBatch,
  record: StoredRecord,
  raw: string,
  source: string,
): void {
  batch.rows.push(
    record.id,
    record.modified,
    record.published ?? null,
    record.withdrawn ?? null,
    raw,
    hash('sha1', raw, 'base64'),
    source,
  );
  const seen = new Set<string>();
  for (const { package: pkg } of record.affected) {
    const ecosystem = ecosystemKey(pkg.ecosystem);
    const name = normalizePackageName(pkg.ecosystem, pkg.name);
    const key = `${ecosystem}\u0000${name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    batch.index.push(baseEcosystem(pkg.ecosystem), ecosystem, name);
  }
  batch.indexCounts.push(seen.size);
}
