import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import {
  importOsv,
  importOsvPipelined,
  VulnDb,
  type ImportSummary,
} from '../../../src/vuln/db/index.js';
import { runCli } from '../../cli/run-cli.js';
import { buildZip } from './zip-fixture.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/osv', import.meta.url));
const GO = join(CORPUS, 'golang-vulndb');
const PYPA = join(CORPUS, 'pypa-advisory-database');
const NOW = (): Date => new Date('2025-01-01T00:00:00Z');

const record = (id: string, modified: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    id,
    modified,
    affected: [{ package: { ecosystem: 'PyPI', name: 'Left_Pad' }, versions: ['1.0.0'] }],
    ...extra,
  });

/** Every row of every table, in rowid order, so replaced rows and their order count too. */
function dump(path: string): Record<string, unknown[]> {
  const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  const db = new Driver(path, { readonly: true });
  try {
    return Object.fromEntries(
      ['advisories', 'affected', 'meta'].map((table) => [
        table,
        db.prepare(`SELECT rowid, * FROM ${table} ORDER BY rowid`).all(),
      ]),
    );
  } finally {
    db.close();
  }
}

const withoutTime = ({
  milliseconds: _,
  ...rest
}: ImportSummary): Omit<ImportSummary, 'milliseconds'> => rest;

describe('importOsvPipelined', () => {
  let work: string;
  let sources: string[];
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'cubecape-pipeline-'));
    const mixed = join(work, 'mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'broken.json'), '{"id": ');
    writeFileSync(join(mixed, 'no-modified.json'), JSON.stringify({ id: 'BAD-1' }));
    writeFileSync(join(mixed, 'list.json'), `[${record('LIST-1', '2024-01-01T00:00:00Z')}, 42]`);
    // The same ids again, newer and older than the corpus and the zip: the order decides counts.
    writeFileSync(join(mixed, 'z-newer.json'), record('ZIP-1', '2024-06-01T00:00:00Z'));
    writeFileSync(join(mixed, 'z-older.json'), record('GO-2024-2730', '2000-01-01T00:00:00Z'));
    const zip = join(work, 'all.zip');
    writeFileSync(
      zip,
      buildZip([
        { name: 'ZIP-1.json', text: record('ZIP-1', '2024-01-01T00:00:00Z') },
        { name: 'ZIP-2.json', text: record('ZIP-2', '2024-01-01T00:00:00Z'), store: true },
        { name: 'bad.json', text: '{' },
        { name: 'ZIP-1-again.json', text: record('ZIP-1', '2024-01-01T00:00:00Z', { x: 1 }) },
      ]),
    );
    sources = [GO, zip, PYPA, mixed, GO];
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  /** Imports into a fresh file `name`.db and returns the summary and the file's rows. */
  const importInto = async (
    name: string,
    run: (db: VulnDb) => ImportSummary | Promise<ImportSummary>,
  ): Promise<{ summary: ImportSummary; rows: Record<string, unknown[]> }> => {
    const path = join(work, `${name}.db`);
    const db = VulnDb.open(path);
    let summary: ImportSummary;
    try {
      summary = await run(db);
    } finally {
      db.close();
    }
    return { summary, rows: dump(path) };
  };

  for (const workers of [1, 2, 3]) {
    it(`writes the same database as the sequential import with ${workers} worker(s)`, async () => {
      const options = { batchSize: 777, now: NOW };
      const one = await importInto(`seq-${workers}`, (db) => importOsv(db, sources, options));
      const two = await importInto(`pipe-${workers}`, (db) =>
        importOsvPipelined(db, sources, { ...options, pipeline: 'always', workers }),
      );
      assert.deepEqual(withoutTime(two.summary), withoutTime(one.summary));
      assert.ok(one.summary.older > 0 && one.summary.unchanged > 0 && one.summary.bad.length > 3);
      assert.ok((one.rows['advisories']?.length ?? 0) > 6900);
      assert.deepEqual(two.rows, one.rows);
    });
  }

  it('writes what came before a missing path, then throws PATH_NOT_FOUND, like the sequential import', async () => {
    const paths = [GO, join(work, 'missing'), PYPA];
    const options = { batchSize: 1000, now: NOW };
    const seq = VulnDb.open(join(work, 'missing-seq.db'));
    assert.throws(() => importOsv(seq, paths, options), { code: 'PATH_NOT_FOUND' });
    seq.close();
    const pipe = VulnDb.open(join(work, 'missing-pipe.db'));
    await assert.rejects(
      importOsvPipelined(pipe, paths, { ...options, pipeline: 'always', workers: 2 }),
      { code: 'PATH_NOT_FOUND', file: join(work, 'missing') },
    );
    pipe.close();
    const written = dump(join(work, 'missing-seq.db'));
    assert.equal(written['advisories']?.length, 4000, 'four full batches of the Go corpus');
    assert.deepEqual(dump(join(work, 'missing-pipe.db')), written);
  });

  const brokenWorker = (name: string, code: string): URL => {
    const file = join(work, `${name}.mjs`);
    writeFileSync(file, code);
    return pathToFileURL(file);
  };

  // The code of a broken worker entry; undefined for a missing file.
  const failures: readonly (readonly [string, string | undefined])[] = [
    ['exits', 'process.exit(7);'],
    ['throws', "throw new Error('boom');"],
    ['ends without a word', ''],
    ['is not there', undefined],
  ];
  for (const [name, code] of failures) {
    it(`fails with INTERNAL, not a hang, when the worker ${name}`, async () => {
      const workerUrl =
        code === undefined
          ? pathToFileURL(join(work, 'no-such-worker.mjs'))
          : brokenWorker(name.replaceAll(' ', '-'), code);
      const db = VulnDb.open(':memory:');
      await assert.rejects(importOsvPipelined(db, [GO], { pipeline: 'always', workerUrl }), {
        code: 'INTERNAL',
      });
      db.close();
    });
  }

  it('imports small inputs on the calling thread', async () => {
    const workerUrl = brokenWorker('never-started', 'process.exit(1);');
    const db = VulnDb.open(':memory:');
    const summary = await importOsvPipelined(db, [join(work, 'all.zip')], { workerUrl });
    assert.equal(summary.added, 2);
    db.close();
  });

  it('is what `db import` runs for large inputs', async () => {
    // Three copies of the Go corpus are over the 10,000 records that start a worker.
    const run = await runCli(['db', 'import', GO, GO, GO, '--db', join(work, 'cli.db')]);
    assert.equal(run.code, 3);
    assert.match(run.stdout, /12873 advisories read .*: 4291 added, 0 updated, 8582 unchanged/);
    assert.equal(run.stdout.match(/^skipped .*_SOURCE\.json/gm)?.length, 3);
  });
});
