import assert from 'node:assert/strict';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sha256, writeAtomically } from '../../src/cli/fix.js';
import { CubecapeError } from '../../src/core/errors.js';
import type { ScanReport } from '../../src/report/scan-report.js';
import { GOLDEN_CONTROLS } from '../fix/fix-helpers.js';
import { runCli } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'fix');
/** Golden files are written for a pinned set of controls. */
const PINNED = ['--control', GOLDEN_CONTROLS.join(',')];

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-fix-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web   # keep me
spec:
  hostPID: true
  containers:
  - name: app
    image: example.com/app:1
    securityContext:
      privileged: true
`;

interface FailedFinding {
  readonly controlId: string;
  readonly resourceId: string;
  readonly fixable: boolean;
}

/** Failed findings of a scan with every built-in control. */
async function failedFindings(path: string): Promise<FailedFinding[]> {
  const run = await runCli(['scan', path, '-f', 'json', '--fail-on', 'none']);
  const report = JSON.parse(run.stdout) as ScanReport;
  return report.findings
    .filter((finding) => finding.status === 'failed')
    .map((finding) => ({
      controlId: finding.controlId,
      resourceId: finding.resourceId,
      fixable: finding.fix !== undefined && finding.fix.length > 0,
    }));
}

describe('cubecape fix', () => {
  it('--dry-run prints a unified diff, writes nothing and exits 1', async () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const file = join(dir, 'pod.yaml');
    const run = await runCli(['fix', '--dry-run', file]);
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stdout.startsWith(`--- ${file}\n+++ ${file}\n@@ `), run.stdout);
    assert.match(run.stdout, /^- {2}hostPID: true$/m);
    assert.match(run.stdout, /^- {6}privileged: true\n\+ {6}privileged: false$/m);
    assert.equal(readFileSync(file, 'utf8'), POD);
    assert.match(
      run.lastStderrLine,
      /^cubecape: exit 1: \d+ changes would be made in 1 file \(--dry-run/,
    );
  });

  it('fixes in place; a rescan shows the fixed findings gone and the others still there', async () => {
    const dir = tempDir({ 'deploy.yaml': fixture('comments.input.yaml'), 'pod.yaml': POD });
    const before = await failedFindings(dir);
    const run = await runCli(['fix', dir, ...PINNED]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(dir, 'deploy.yaml'), 'utf8'), fixture('comments.expected.yaml'));
    assert.match(
      run.stdout,
      /^fixed .*deploy\.yaml: 4 changes \(allow-privilege-escalation, host-namespaces, host-ports, privileged-container\)$/m,
    );
    const after = await failedFindings(dir);
    const fixed = [
      'privileged-container',
      'host-namespaces',
      'host-ports',
      'allow-privilege-escalation',
    ];
    for (const id of fixed) {
      assert.ok(
        before.some((finding) => finding.controlId === id),
        id,
      );
      assert.ok(!after.some((finding) => finding.controlId === id), id);
    }
    // Nothing new appears, and findings without an automatic fix stay.
    const key = (finding: FailedFinding): string => `${finding.controlId} ${finding.resourceId}`;
    const earlier = new Set(before.map(key));
    for (const finding of after) assert.ok(earlier.has(key(finding)), key(finding));
    assert.ok(after.some((finding) => finding.controlId === 'resource-limits'));
  });

  it('without --control, leaves no failed finding that carries a fix', async () => {
    const dir = tempDir({ 'deploy.yaml': fixture('comments.input.yaml'), 'pod.yaml': POD });
    assert.equal((await runCli(['fix', dir])).code, 0);
    const after = await failedFindings(dir);
    assert.deepEqual(
      after.filter((finding) => finding.fixable),
      [],
    );
  });

  it('is idempotent: a second run finds nothing to fix and leaves the file alone', async () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const file = join(dir, 'pod.yaml');
    assert.equal((await runCli(['fix', file])).code, 0);
    const fixed = readFileSync(file, 'utf8');
    const mtime = statSync(file).mtimeMs;
    const again = await runCli(['fix', file]);
    assert.equal(again.code, 0);
    assert.match(again.lastStderrLine, /exit 0: nothing to fix/);
    assert.equal(readFileSync(file, 'utf8'), fixed);
    assert.equal(statSync(file).mtimeMs, mtime);
    assert.equal((await runCli(['fix', '--dry-run', file])).code, 0);
  });

  it('--control applies only the fixes of those controls', async () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const file = join(dir, 'pod.yaml');
    const run = await runCli(['fix', file, '--control', 'privileged-container']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(file, 'utf8'), POD.replace('privileged: true', 'privileged: false'));
  });

  it('rejects unknown controls and missing paths with the usual exit codes', async () => {
    const dir = tempDir({ 'pod.yaml': POD });
    const unknown = await runCli(['fix', dir, '--control', 'no-such-control']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.lastStderrLine, /UNKNOWN_CONTROL/);
    assert.equal((await runCli(['fix'])).code, 2);
    const missing = await runCli(['fix', join(dir, 'missing.yaml')]);
    assert.equal(missing.code, 3);
  });

  it('refuses to fix stdin in place, but shows the patch with --dry-run', async () => {
    const inPlace = await runCli(['fix', '-'], { stdin: POD });
    assert.equal(inPlace.code, 2);
    assert.match(inPlace.lastStderrLine, /standard input cannot be fixed in place.*--dry-run/);
    const dry = await runCli(['fix', '--dry-run', '-'], { stdin: POD });
    assert.equal(dry.code, 1, dry.stderr);
    assert.ok(dry.stdout.startsWith('--- -\n+++ -\n@@ '), dry.stdout);
  });

  it('exits 3 when an input cannot be parsed, and still fixes the readable files', async () => {
    const dir = tempDir({
      'good.yaml': POD,
      'broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: [\n',
    });
    const run = await runCli(['fix', dir]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /broken\.yaml/);
    assert.match(readFileSync(join(dir, 'good.yaml'), 'utf8'), /privileged: false/);
  });

  it('exits 3 when there is nothing to fix because nothing was found', async () => {
    const dir = tempDir({ 'notes.yaml': 'just: data\n' });
    const run = await runCli(['fix', dir]);
    assert.equal(run.code, 3);
    assert.match(run.lastStderrLine, /no Kubernetes resources/);
  });

  it('keeps CRLF line breaks and the file mode', async () => {
    const dir = tempDir({ 'crlf.yaml': fixture('crlf-multi.input.yaml') });
    const file = join(dir, 'crlf.yaml');
    chmodSync(file, 0o640);
    assert.equal((await runCli(['fix', file, ...PINNED])).code, 0);
    assert.equal(readFileSync(file, 'utf8'), fixture('crlf-multi.expected.yaml'));
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['crlf.yaml']);
  });

  it('edits the target of a symbolic link and keeps the link', async () => {
    const dir = tempDir({ 'real.yaml': POD });
    const link = join(dir, 'link.yaml');
    symlinkSync(join(dir, 'real.yaml'), link);
    assert.equal((await runCli(['fix', link])).code, 0);
    assert.ok(statSync(link, { throwIfNoEntry: true }).isFile());
    assert.match(readFileSync(join(dir, 'real.yaml'), 'utf8'), /privileged: false/);
    assert.equal(readdirSync(dir).sort().join(), 'link.yaml,real.yaml');
  });

  it('reports fixes it refuses (aliases) and still applies the rest', async () => {
    const dir = tempDir({ 'anchors.yaml': fixture('anchors.input.yaml') });
    const file = join(dir, 'anchors.yaml');
    const run = await runCli(['fix', file, ...PINNED]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /anchors\.yaml: privileged-container: not fixed: .*alias/);
    assert.equal(readFileSync(file, 'utf8'), fixture('anchors.expected.yaml'));
  });

  it('refuses UTF-16 files, which could not be written back as they were', async () => {
    const dir = tempDir({});
    const file = join(dir, 'utf16.yaml');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POD, 'utf16le')]));
    const before = readFileSync(file);
    const run = await runCli(['fix', file]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /UTF-16.*\[FILE_UNREADABLE\]/);
    assert.deepEqual(readFileSync(file), before);
  });
});

describe('writeAtomically', () => {
  it('replaces the file when it is unchanged since it was read', async () => {
    const dir = tempDir({ 'f.yaml': 'old\n' });
    const file = join(dir, 'f.yaml');
    await writeAtomically(file, 'f.yaml', 'new\n', sha256(readFileSync(file)));
    assert.equal(readFileSync(file, 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(dir), ['f.yaml']);
  });

  it('writes nothing (FILE_CHANGED) when the file changed since it was read', async () => {
    const dir = tempDir({ 'f.yaml': 'old\n' });
    const file = join(dir, 'f.yaml');
    const hash = sha256(readFileSync(file));
    writeFileSync(file, 'someone else\n');
    await assert.rejects(
      writeAtomically(file, 'f.yaml', 'new\n', hash),
      (error: unknown) => error instanceof CubecapeError && error.code === 'FILE_CHANGED',
    );
    assert.equal(readFileSync(file, 'utf8'), 'someone else\n');
    assert.deepEqual(readdirSync(dir), ['f.yaml']);
  });
});
