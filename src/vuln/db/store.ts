import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

/**
 * The native SQLite driver is loaded on first use, not at start-up: only `db` and `vuln`
 * commands need it, and every other command must work even where it failed to build.
 */
function sqlite(): typeof Database {
  const require = createRequire(import.meta.url);
  return require('better-sqlite3') as typeof Database;
}
import { baseEcosystem, normalizePackageName } from './package-name.js';
import {
  addToBatch,
  emptyBatch,
  ROW_WIDTH,
  type RecordBatch,
  type StoredRecord,
} from './record-batch.js';

export type { StoredRecord } from './record-batch.js';

/**
 * Bumped whenever the tables change shape; a writable open of an older file drops and recreates
 * the tables (the data is re-imported from the OSV sources). Version 2 dropped the summary,
 * details, aliases, severity and refs columns: nothing read them and they doubled what an import
 * writes, since the raw document holds them.
 */
export const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS advisories (
  id TEXT PRIMARY KEY,
  modified TEXT NOT NULL,
  published TEXT,
  withdrawn TEXT,
  raw TEXT NOT NULL,
  digest TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS affected (
  base TEXT NOT NULL,
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  advisory_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS affected_lookup ON affected (base, name);
CREATE INDEX IF NOT EXISTS affected_advisory ON affected (advisory_id);
`;

/**
 * Columns schema 1 stored next to `raw` although `raw` holds the same data. Upgrading drops them
 * in place, so every advisory already imported stays (nothing has to be imported again).
 */
const SCHEMA_1_COLUMNS = ['summary', 'details', 'aliases', 'severity', 'refs'] as const;

function upgradeToSchema2(db: Database.Database): void {
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(advisories)')
      .all()
      .map((column) => column.name),
  );
  db.transaction(() => {
    for (const column of SCHEMA_1_COLUMNS) {
      if (columns.has(column)) db.exec(`ALTER TABLE advisories DROP COLUMN ${column}`);
    }
  })();
}

/**
 * One validated record ready to store, with the file it came from, and the whole document either
 * parsed (`document`, serialised on store) or already serialised (`raw`). The import passes `raw`
 * and a slim record, so a batch of thousands holds no parsed documents: they die young instead of
 * being promoted and collected by full garbage collections.
 */
export type StoreInput = {
  readonly record: StoredRecord;
  readonly source: string;
} & ({ readonly document: unknown } | { readonly raw: string });

/** What a batch did to the database. */
export interface UpsertCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Skipped because the stored copy has a newer `modified`. */
  older: number;
}

/** A row of the package index. */
export interface IndexHit {
  readonly advisoryId: string;
  /** The ecosystem string of the advisory, lower-cased (`debian:12`). */
  readonly ecosystem: string;
}

/** What `db status` shows. */
export interface DbStatus {
  readonly path: string;
  readonly schemaVersion: number;
  readonly advisories: number;
  readonly withdrawn: number;
  readonly ecosystems: readonly { readonly ecosystem: string; readonly advisories: number }[];
  readonly newestModified: string | undefined;
  readonly lastImport: string | undefined;
}

interface StateRow {
  modified: string;
  digest: string;
}

/**
 * The offline vulnerability database: OSV advisories in SQLite plus an index from
 * (ecosystem, normalised package name) to advisory ids. Synchronous, like better-sqlite3.
 */
export class VulnDb {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly statements;

  private constructor(path: string, db: Database.Database) {
    this.path = path;
    this.db = db;
    this.statements = {
      state: db.prepare<[string], StateRow>('SELECT modified, digest FROM advisories WHERE id = ?'),
      upsert: db.prepare<[string, string, string | null, string | null, string, string, string]>(
        `INSERT OR REPLACE INTO advisories (id, modified, published, withdrawn, raw, digest, source)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      unindex: db.prepare('DELETE FROM affected WHERE advisory_id = ?'),
      index: db.prepare(
        'INSERT INTO affected (base, ecosystem, name, advisory_id) VALUES (?, ?, ?, ?)',
      ),
      lookup: db.prepare<[string, string], { advisory_id: string; ecosystem: string }>(
        'SELECT advisory_id, ecosystem FROM affected WHERE base = ? AND name = ?',
      ),
      raw: db.prepare<[string], { raw: string; withdrawn: string | null }>(
        'SELECT raw, withdrawn FROM advisories WHERE id = ?',
      ),
      setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
      getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    };
  }

  /**
   * Opens (creating when missing, unless `readonly`) the database file at `path`;
   * `:memory:` gives a private in-memory database.
   */
  static open(path: string, options: { readonly readonly?: boolean } = {}): VulnDb {
    const readonly = options.readonly === true;
    if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const Driver = sqlite();
    const db = new Driver(path, { readonly, fileMustExist: readonly });
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      // An import batch writes ~15 MB; the 2 MB default cache spills it to the WAL mid-transaction.
      db.pragma('cache_size = -65536');
      // Fewer, larger checkpoints: each one syncs the database file.
      db.pragma('wal_autocheckpoint = 16384');
      db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
      const stored = db
        .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")
        .get();
      const hasData =
        db
          .prepare<[], { n: number }>(
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'advisories'",
          )
          .get()?.n === 1;
      if (hasData && Number(stored?.value ?? 0) < SCHEMA_VERSION) upgradeToSchema2(db);
      db.exec(SCHEMA);
      db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)").run(
        String(SCHEMA_VERSION),
      );
    }
    return new VulnDb(path, db);
  }

  /**
   * Stores records in one transaction. A record replaces the stored one with the same id
   * when its `modified` is newer, or equal with different content (a re-export); an older
   * copy is ignored, so importing sources in any order converges.
   */
  upsert(inputs: readonly StoreInput[]): UpsertCounts {
    const batch = emptyBatch();
    for (const input of inputs) {
      const raw = 'raw' in input ? input.raw : JSON.stringify(input.document);
      addToBatch(batch, input.record, raw, input.source);
    }
    return this.upsertBatch(batch);
  }

  /** {@link upsert} for records already prepared, as the import builds them. */
  upsertBatch(batch: RecordBatch): UpsertCounts {
    const counts: UpsertCounts = { added: 0, updated: 0, unchanged: 0, older: 0 };
    this.db.transaction(() => {
      let at = 0;
      for (const [record, indexCount] of batch.indexCounts.entries()) {
        this.upsertRow(batch, record * ROW_WIDTH, at, indexCount, counts);
        at += indexCount * 3;
      }
    })();
    return counts;
  }

  private upsertRow(
    batch: RecordBatch,
    row: number,
    index: number,
    indexCount: number,
    counts: UpsertCounts,
  ): void {
    const { rows } = batch;
    const id = rows[row] ?? '';
    const modified = rows[row + 1] ?? '';
    const digest = rows[row + 5];
    const state = this.statements.state.get(id);
    if (state !== undefined) {
      if (modified < state.modified) {
        counts.older++;
        return;
      }
      if (modified === state.modified && digest === state.digest) {
        counts.unchanged++;
        return;
      }
      this.statements.unindex.run(id);
      counts.updated++;
    } else counts.added++;
    this.statements.upsert.run(
      id,
      modified,
      rows[row + 2] ?? null,
      rows[row + 3] ?? null,
      rows[row + 4] ?? '',
      digest ?? '',
      rows[row + 6] ?? '',
    );
    for (let at = index; at < index + indexCount * 3; at += 3)
      this.statements.index.run(batch.index[at], batch.index[at + 1], batch.index[at + 2], id);
  }

  /** Advisory ids indexed for a package, any release of its ecosystem. */
  lookup(ecosystem: string, name: string): IndexHit[] {
    return this.statements.lookup
      .all(baseEcosystem(ecosystem), normalizePackageName(ecosystem, name))
      .map((row) => ({ advisoryId: row.advisory_id, ecosystem: row.ecosystem }));
  }

  /** The stored OSV document and its withdrawn date, or `undefined` for an unknown id. */
  advisory(id: string): { document: unknown; withdrawn: string | undefined } | undefined {
    const row = this.statements.raw.get(id);
    if (row === undefined) return undefined;
    return { document: JSON.parse(row.raw) as unknown, withdrawn: row.withdrawn ?? undefined };
  }

  /** Records when an import finished. */
  markImported(at: Date): void {
    this.statements.setMeta.run('last_import', at.toISOString());
  }

  /** Counts per ecosystem, newest `modified` and the time of the last import. */
  status(): DbStatus {
    const totals = this.db
      .prepare<[], { n: number; w: number | null; m: string | null }>(
        'SELECT COUNT(*) AS n, SUM(withdrawn IS NOT NULL) AS w, MAX(modified) AS m FROM advisories',
      )
      .get();
    const ecosystems = this.db
      .prepare<[], { base: string; n: number }>(
        'SELECT base, COUNT(DISTINCT advisory_id) AS n FROM affected GROUP BY base ORDER BY base',
      )
      .all()
      .map((row) => ({ ecosystem: row.base, advisories: row.n }));
    return {
      path: this.path,
      schemaVersion: Number(this.statements.getMeta.get('schema_version')?.value ?? 0),
      advisories: totals?.n ?? 0,
      withdrawn: totals?.w ?? 0,
      ecosystems,
      newestModified: totals?.m ?? undefined,
      lastImport: this.statements.getMeta.get('last_import')?.value,
    };
  }

  close(): void {
    this.db.close();
  }
}
