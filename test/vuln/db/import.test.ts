import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import {
  importOsv,
  SCHEMA_VERSION,
  validateOsvRecord,
  VulnDb,
} from '../../../src/vuln/db/index.js';
import { buildZip } from './zip-fixture.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/osv', import.meta.url));
const GO = join(CORPUS, 'golang-vulndb');
const PYPA = join(CORPUS, 'pypa-advisory-database');

const countFiles = (dir: string, ext: string): number =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith(ext) && !f.includes('_SOURCE'),
  ).length;

const record = (id: string, modified: string, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    id,
    modified,
    affected: [{ package: { ecosystem: 'npm', name: 'left-pad' }, versions: ['1.0.0'] }],
    ...extra,
  });

describe('importOsv with the Go and PyPA corpora', () => {
  let work: string;
  let db: VulnDb;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'cubecape-db-'));
    db = VulnDb.open(join(work, 'nested', 'vuln.db'));
  });
  after(() => {
    db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('imports every advisory file and reports the non-OSV files', () => {
    const summary = importOsv(db, [GO, PYPA]);
    const expected = countFiles(GO, '.json') + countFiles(PYPA, '.yaml');
    assert.equal(summary.records, expected);
    assert.equal(summary.added, expected);
    // Each corpus carries a _SOURCE.json provenance file, which is not an advisory.
    assert.deepEqual(
      summary.bad.map((b) => b.file.endsWith('_SOURCE.json')),
      [true, true],
    );
    const status = db.status();
    assert.equal(status.advisories, expected);
    assert.deepEqual(
      status.ecosystems.map((e) => e.ecosystem),
      ['go', 'pypi'],
    );
    assert.ok(status.withdrawn > 0);
  });

  it('changes nothing when the same data is imported again', () => {
    const summary = importOsv(db, [GO]);
    assert.equal(summary.added + summary.updated, 0);
    assert.equal(summary.unchanged, summary.records);
  });

  it('stores withdrawn advisories with their withdrawn date', () => {
    assert.equal(db.advisory('GO-2024-2730')?.withdrawn, '2024-04-17T18:06:23Z');
    assert.equal(db.advisory('NOPE-1'), undefined);
  });

  it('indexes PyPI names in PEP 503 form', () => {
    const ids = db.lookup('PyPI', 'Apache_Skywalking').map((h) => h.advisoryId);
    assert.ok(ids.includes('PYSEC-2020-342'));
  });
});

describe('importOsv with crafted files', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'cubecape-db-'));
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('skips bad files and records with a reason and imports the rest', () => {
    const dir = join(work, 'mixed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'good.json'), record('GOOD-1', '2024-01-01T00:00:00Z'));
    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    writeFileSync(join(dir, 'broken.yaml'), 'id: [unclosed');
    writeFileSync(join(dir, 'no-modified.json'), JSON.stringify({ id: 'BAD-1' }));
    writeFileSync(join(dir, 'list.json'), `[${record('LIST-1', '2024-01-01T00:00:00Z')}, 42]`);
    writeFileSync(join(dir, 'notes.txt'), 'ignored: not an OSV extension');
    const db = VulnDb.open(':memory:');
    const summary = importOsv(db, [dir]);
    assert.equal(summary.records, 2);
    const reasons = new Map(summary.bad.map((b) => [b.file.slice(dir.length + 1), b.reason]));
    assert.deepEqual([...reasons.keys()].sort(), [
      'broken.json',
      'broken.yaml',
      'list.json',
      'no-modified.json',
    ]);
    assert.match(reasons.get('broken.json') ?? '', /invalid JSON/);
    assert.match(reasons.get('no-modified.json') ?? '', /BAD-1: modified/);
    db.close();
  });

  it('keeps the newer record whatever the import order', () => {
    const newer = join(work, 'newer.json');
    const older = join(work, 'older.json');
    writeFileSync(newer, record('ORDER-1', '2024-02-01T00:00:00Z', { summary: 'new' }));
    writeFileSync(older, record('ORDER-1', '2024-01-01T00:00:00Z', { summary: 'old' }));
    const db = VulnDb.open(':memory:');
    assert.equal(importOsv(db, [newer]).added, 1);
    assert.equal(importOsv(db, [older]).older, 1);
    const stored = db.advisory('ORDER-1')?.document as { summary?: string } | undefined;
    assert.equal(stored?.summary, 'new');
    writeFileSync(older, record('ORDER-1', '2024-03-01T00:00:00Z', { summary: 'newest' }));
    assert.equal(importOsv(db, [older]).updated, 1);
    assert.equal(db.lookup('npm', 'left-pad').length, 1, 'the index holds no stale rows');
    db.close();
  });

  it('imports all.zip exports built in memory', () => {
    const zipPath = join(work, 'all.zip');
    writeFileSync(
      zipPath,
      buildZip([
        { name: 'ZIP-1.json', text: record('ZIP-1', '2024-01-01T00:00:00Z') },
        { name: 'ZIP-2.json', text: record('ZIP-2', '2024-01-01T00:00:00Z'), store: true },
        { name: 'bad.json', text: '{' },
      ]),
    );
    const db = VulnDb.open(':memory:');
    const summary = importOsv(db, [zipPath]);
    assert.equal(summary.added, 2);
    assert.deepEqual(
      summary.bad.map((b) => b.file),
      [`${zipPath}!bad.json`],
    );
    db.close();
  });

  it('upgrades a schema 1 file (with the dropped duplicate columns) in place, keeping its advisories', () => {
    const path = join(work, 'v1.db');
    const require = createRequire(import.meta.url);
    const Driver = require('better-sqlite3') as typeof Database;
    const old = new Driver(path);
    old.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      INSERT INTO meta VALUES ('schema_version', '1');
      CREATE TABLE advisories (id TEXT PRIMARY KEY, modified TEXT NOT NULL, published TEXT,
        withdrawn TEXT, summary TEXT, details TEXT, aliases TEXT NOT NULL, severity TEXT NOT NULL,
        refs TEXT NOT NULL, raw TEXT NOT NULL, digest TEXT NOT NULL, source TEXT NOT NULL);
      CREATE TABLE affected (base TEXT NOT NULL, ecosystem TEXT NOT NULL, name TEXT NOT NULL,
        advisory_id TEXT NOT NULL);
      INSERT INTO advisories VALUES ('OLD-1', '2023-01-01T00:00:00Z', NULL, NULL, 's', 'd', '[]',
        '[]', '[]', '${record('OLD-1', '2023-01-01T00:00:00Z').replaceAll("'", "''")}', 'x', 'old.json');
      INSERT INTO affected VALUES ('npm', 'npm', 'left-pad', 'OLD-1');
    `);
    old.close();
    const file = join(work, 'v1-record.json');
    writeFileSync(file, record('V1-1', '2024-01-01T00:00:00Z'));
    const db = VulnDb.open(path);
    assert.equal(importOsv(db, [file]).added, 1);
    assert.equal(db.status().schemaVersion, SCHEMA_VERSION);
    assert.deepEqual(
      db
        .lookup('npm', 'left-pad')
        .map((row) => row.advisoryId)
        .sort(),
      ['OLD-1', 'V1-1'],
    );
    const check = new Driver(path, { readonly: true });
    const columns = (
      check.prepare('PRAGMA table_info(advisories)').all() as { name: string }[]
    ).map((column) => column.name);
    check.close();
    assert.ok(!columns.includes('summary') && !columns.includes('refs'), columns.join(','));
    db.close();
  });

  it('throws PATH_NOT_FOUND for a missing path', () => {
    const db = VulnDb.open(':memory:');
    assert.throws(() => importOsv(db, [join(work, 'missing')]), { code: 'PATH_NOT_FOUND' });
    db.close();
  });
});

describe('validateOsvRecord', () => {
  const invalid: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['a list', []],
    ['a string', 'GO-1'],
    ['no id', { modified: '2024-01-01T00:00:00Z' }],
    ['numeric id', { id: 7, modified: '2024-01-01T00:00:00Z' }],
    ['bad modified', { id: 'X', modified: 'yesterday' }],
    ['bad withdrawn', { id: 'X', modified: '2024-01-01T00:00:00Z', withdrawn: 5 }],
    ['affected not a list', { id: 'X', modified: '2024-01-01T00:00:00Z', affected: {} }],
    ['affected without package', { id: 'X', modified: '2024-01-01T00:00:00Z', affected: [{}] }],
    [
      'package without name',
      { id: 'X', modified: '2024-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Go' } }] },
    ],
    [
      'versions with numbers',
      {
        id: 'X',
        modified: '2024-01-01T00:00:00Z',
        affected: [{ package: { ecosystem: 'Go', name: 'a' }, versions: [1] }],
      },
    ],
  ];
  for (const [name, raw] of invalid) {
    it(`rejects ${name}`, () => {
      assert.ok('reason' in validateOsvRecord(raw));
    });
  }
  it('accepts a minimal record and drops malformed aliases', () => {
    const result = validateOsvRecord({
      id: 'X-1',
      modified: '0001-01-01T00:00:00Z',
      aliases: ['CVE-1', 3, null],
    });
    assert.ok('record' in result);
    assert.deepEqual(result.record.aliases, ['CVE-1']);
    assert.deepEqual(result.record.affected, []);
  });
});
