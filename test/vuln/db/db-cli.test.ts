import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { defaultDbPath } from '../../../src/vuln/db/index.js';
import { runCli } from '../../cli/run-cli.js';

const GO = fileURLToPath(new URL('../../../../shared/corpus/osv/golang-vulndb', import.meta.url));

describe('cubecape db', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'cubecape-db-cli-'));
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
  });

  it('imports into --db and reports skipped files with exit 3', async () => {
    const run = await runCli(['db', 'import', GO, '--db', join(work, 'go.db')]);
    assert.equal(run.code, 3);
    assert.match(run.stdout, /skipped .*_SOURCE\.json/);
    assert.match(run.stdout, /4291 advisories read/);
  });

  it('exits 0 when every record imports; JSON output parses', async () => {
    const file = join(work, 'one.json');
    writeFileSync(file, JSON.stringify({ id: 'ONE-1', modified: '2024-01-01T00:00:00Z' }));
    const run = await runCli(['db', 'import', file, '--db', join(work, 'one.db'), '-f', 'json']);
    assert.equal(run.code, 0);
    const summary = JSON.parse(run.stdout) as { added: number; bad: unknown[] };
    assert.equal(summary.added, 1);
    assert.deepEqual(summary.bad, []);
  });

  it('shows the status in text and JSON', async () => {
    const db = join(work, 'go.db');
    const text = await runCli(['db', 'status', '--db', db]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /advisories:\s+4291 \(17 withdrawn\)/);
    assert.match(text.stdout, /^go\s+4291$/m);
    const json = await runCli(['db', 'status', '--db', db, '-f', 'json']);
    const status = JSON.parse(json.stdout) as { advisories: number; ecosystems: unknown[] };
    assert.equal(status.advisories, 4291);
    assert.deepEqual(status.ecosystems, [{ ecosystem: 'go', advisories: 4291 }]);
  });

  it('uses CUBECAPE_DB when --db is absent', async () => {
    const path = join(work, 'env.db');
    const run = await runCli(['db', 'status'], { env: { CUBECAPE_DB: path } });
    assert.equal(run.code, 3);
    assert.match(run.lastStderrLine, /PATH_NOT_FOUND/);
    assert.equal(existsSync(path), false, 'status never creates a database');
  });

  it('rejects a missing import path', async () => {
    const run = await runCli(['db', 'import', join(work, 'nothing'), '--db', join(work, 'x.db')]);
    assert.equal(run.code, 3);
    assert.match(run.lastStderrLine, /PATH_NOT_FOUND/);
  });

  it('rejects an unknown format as a usage error', async () => {
    const run = await runCli(['db', 'status', '--db', join(work, 'go.db'), '-f', 'xml']);
    assert.equal(run.code, 2);
  });
});

describe('defaultDbPath', () => {
  const cases: readonly (readonly [string, Record<string, string>, string])[] = [
    ['CUBECAPE_DB wins', { CUBECAPE_DB: '/x/v.db', XDG_DATA_HOME: '/d', HOME: '/h' }, '/x/v.db'],
    ['XDG_DATA_HOME', { XDG_DATA_HOME: '/d', HOME: '/h' }, '/d/cubecape/vuln.db'],
    [
      'relative XDG_DATA_HOME is ignored',
      { XDG_DATA_HOME: 'rel', HOME: '/h' },
      '/h/.local/share/cubecape/vuln.db',
    ],
    [
      'empty CUBECAPE_DB is ignored',
      { CUBECAPE_DB: '', HOME: '/h' },
      '/h/.local/share/cubecape/vuln.db',
    ],
  ];
  for (const [name, env, expected] of cases) {
    it(name, () => {
      assert.equal(defaultDbPath(env), expected);
    });
  }
});
