import { validateOsvRecord, type OsvRecord } from './osv-record.js';
import { addToBatch, emptyBatch, type RecordBatch, type StoredRecord } from './record-batch.js';
import { osvSourceUnits, type SourceItem } from './sources.js';

/** A file or record that was not imported, and why. */
export interface BadRecord {
  readonly file: string;
  readonly reason: string;
}

/** The prepared records of a run of source units and the bad items met in it, in source order. */
export interface PreparedGroup {
  /** The group's number: it holds units `group * groupSize` up to the next group's. */
  readonly group: number;
  readonly batch: RecordBatch;
  readonly bad: BadRecord[];
}

/** Which groups of units a reader prepares: those whose number is `index` modulo `count`. */
export interface Share {
  readonly index: number;
  readonly count: number;
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

function prepare(items: readonly SourceItem[], into: PreparedGroup): void {
  for (const item of items) {
    if ('reason' in item) {
      into.bad.push(item);
      continue;
    }
    const validated = validateOsvRecord(item.document);
    if ('reason' in validated) into.bad.push({ file: item.file, reason: validated.reason });
    else addToBatch(into.batch, slim(validated.record), JSON.stringify(item.document), item.file);
  }
}

/**
 * Reads, parses, validates and prepares the records of the units under `paths` that fall in this
 * reader's `share`, grouping the units in runs of `groupSize`; every reader walks all the units,
 * so the groups of several readers interleave back into source order. Both the in-thread import
 * and the import workers run this, so they write the same rows. An error while walking (a missing
 * path: `PATH_NOT_FOUND`) is thrown after yielding the group in progress, so the caller can write
 * everything read before the error, as a plain sequential import would have.
 */
export function* preparedGroups(
  paths: readonly string[],
  groupSize: number,
  share: Share = { index: 0, count: 1 },
): Generator<PreparedGroup> {
  let current: PreparedGroup | undefined;
  let unit = 0;
  try {
    for (const source of osvSourceUnits(paths)) {
      const group = Math.floor(unit / groupSize);
      unit++;
      if (group % share.count !== share.index) continue;
      if (current?.group !== group) {
        if (current !== undefined) yield current;
        current = { group, batch: emptyBatch(), bad: [] };
      }
      prepare(source.load(), current);
    }
  } catch (error) {
    // Whether complete or cut short, the group in progress holds only units before the error.
    if (current !== undefined) yield current;
    throw error;
  }
  if (current !== undefined) yield current;
}
