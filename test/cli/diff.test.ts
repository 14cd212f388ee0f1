import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ReportDiff } from '../../src/report/diff.js';
import type { ReportFinding, ScanReport } from '../../src/report/scan-report.js';
import { sampleReport } from '../report/sample-report.js';
import { runCli } from './run-cli.js';

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-diff-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const base = sampleReport();
const hostile: ReportFinding = {
  controlId: 'host-namespaces',
  resourceId: 'apps/Deployment/prod/web',
  status: 'failed',
  severity: 'high',
  messageId: 'host-network',
  message: 'uses <host> network \x1b[31m & more',
  path: ['spec', 'template', 'spec', 'hostNetwork'],
  location: { file: 'deploy/web.yaml', line: 30, column: 7 },
};
const lowFinding: ReportFinding = {
  ...hostile,
  controlId: 'low-one',
  severity: 'low',
  messageId: 'low',
};
const withFindings = (findings: readonly ReportFinding[]): ScanReport => ({ ...base, findings });
// Old: everything in the sample. New: the first finding fixed, one high introduced.
const oldReport = base;
const newReport = withFindings([...base.findings.slice(1), hostile]);

describe('cubecape diff', () => {
  const dir = write({
    'old.json': JSON.stringify(oldReport),
    'new.json': JSON.stringify(newReport),
    'low.json': JSON.stringify(withFindings([...base.findings, lowFinding])),
    'not-json.json': '{nope',
    'other.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap' }),
  });
  const at = (name: string) => join(dir, name);

  it('lists introduced and resolved findings as text and exits 1 on an introduced high', async () => {
    const run = await runCli(['diff', at('old.json'), at('new.json')]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(
      run.stdout,
      /^Introduced \(1\)\n {2}HIGH {5}host-namespaces {2}apps\/Deployment\/prod\/web/m,
    );
    assert.match(run.stdout, /^Resolved \(1\)\n {2}MEDIUM {3}image-tag/m);
    assert.match(run.stdout, /deploy\/web\.yaml:30:7 {2}spec\.template\.spec\.hostNetwork/);
    assert.doesNotMatch(run.stdout, /\x1b/, 'no raw escape from report text');
    assert.match(run.stdout, /1 introduced finding, 1 resolved finding, \d+ unchanged\n$/);
    assert.match(
      run.lastStderrLine,
      /^cubecape: exit 1: 1 introduced finding at or above high severity \(--fail-on high\)/,
    );
  });

  it('writes JSON with -f json', async () => {
    const run = await runCli(['diff', at('old.json'), at('new.json'), '-f', 'json']);
    assert.equal(run.code, 1);
    const diff = JSON.parse(run.stdout) as ReportDiff;
    assert.equal(diff.kind, 'ScanDiff');
    assert.deepEqual(
      diff.introduced.map((e) => [e.controlId, e.resource, e.status]),
      [['host-namespaces', 'apps/Deployment/prod/web', 'failed']],
    );
    assert.deepEqual(
      diff.resolved.map((e) => e.controlId),
      ['image-tag'],
    );
    assert.equal(diff.summary.introducedBySeverity.high, 1);
    assert.equal(
      diff.summary.unchanged,
      base.findings.filter((f) => f.status === 'failed' || f.status === 'excepted').length - 1,
    );
  });

  const gates: [string, string[], string, number][] = [
    ['nothing introduced', [], 'old.json', 0],
    ['a low finding under the default gate', [], 'low.json', 0],
    ['a low finding with --fail-on low', ['--fail-on', 'low'], 'low.json', 1],
    ['a high finding with --fail-on none', ['--fail-on', 'none'], 'new.json', 0],
    ['a high finding with --fail-on critical', ['--fail-on', 'critical'], 'new.json', 0],
  ];
  for (const [name, options, target, code] of gates) {
    it(`exits ${code} on ${name}`, async () => {
      const run = await runCli(['diff', at('old.json'), at(target), ...options]);
      assert.equal(run.code, code, run.stderr);
    });
  }

  it('says so when nothing changed', async () => {
    const run = await runCli(['diff', at('old.json'), at('old.json')]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^0 introduced findings, 0 resolved findings/);
  });

  const bad: [string, string[]][] = [
    ['a missing file', [at('missing.json'), at('new.json')]],
    ['a file that is not JSON', [at('old.json'), at('not-json.json')]],
    ['JSON that is not a ScanReport', [at('other.json'), at('new.json')]],
    ['a directory', [dir, at('new.json')]],
    ['a missing argument', [at('old.json')]],
    ['an unknown format', [at('old.json'), at('new.json'), '-f', 'xml']],
  ];
  for (const [name, argv] of bad) {
    it(`exits 2 on ${name}`, async () => {
      const run = await runCli(['diff', ...argv]);
      assert.equal(run.code, 2, run.stdout + run.stderr);
      assert.match(run.lastStderrLine, /^cubecape: exit 2: /);
    });
  }

  it('names the file and the code on bad input', async () => {
    const run = await runCli(['diff', at('other.json'), at('new.json')]);
    assert.ok(run.lastStderrLine.includes('other.json'));
    assert.match(run.lastStderrLine, /expected a ScanReport.*\[REPORT_INVALID\]$/);
  });
});
