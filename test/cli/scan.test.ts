import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from './run-cli.js';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const HARDENED_POD = `apiVersion: v1
kind: Pod
metadata: {name: ok, namespace: apps}
spec:
  automountServiceAccountToken: false
  securityContext: {runAsNonRoot: true, runAsUser: 1000}
  containers:
    - name: app
      image: registry.example.com/app:1.2.3
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities: {drop: [ALL]}
      resources: {limits: {cpu: 100m, memory: 64Mi}}
`;

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata: {name: bad, namespace: apps}
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
`;

describe('cubecape scan', () => {
  it('fails the gate on the insecure examples, with locations and a reason on stderr', async () => {
    const run = await runCli(['scan', 'examples/']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /examples\/insecure\/payments-api\.yaml:\d+:\d+/);
    assert.match(run.lastStderrLine, /^cubecape: exit 1: .*--fail-on high/);
  });

  it('passes the hardened examples', async () => {
    const run = await runCli(['scan', 'examples/secure/']);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.lastStderrLine, /exit 0/);
  });

  it('prints where the time went with CUBECAPE_DEBUG, and nothing of it without', async () => {
    const timed = await runCli(['scan', 'examples/', '-f', 'json'], {
      env: { CUBECAPE_DEBUG: '1' },
    });
    assert.equal(timed.code, 1, timed.stderr);
    const line = timed.stderr.split('\n').find((text) => text.startsWith('cubecape: timings: '));
    assert.ok(line !== undefined, timed.stderr);
    const phases = [...line.matchAll(/([a-z -]+) (\d+) ms/g)].map((match) => match[1]?.trim());
    assert.deepEqual(phases, [
      'start-up',
      'read and parse',
      'index',
      'controls',
      'exceptions',
      'report',
      'output',
    ]);
    assert.match(timed.lastStderrLine, /^cubecape: exit 1: /);
    const quiet = await runCli(['scan', 'examples/', '-f', 'json']);
    assert.doesNotMatch(quiet.stderr, /timings/);
    // The timings go to stderr only: the report on stdout is still just the report.
    assert.equal((JSON.parse(timed.stdout) as ScanReport).kind, 'ScanReport');
  });

  it('reports the offending line of a privileged container in JSON', async () => {
    const dir = tempDir({ 'pod.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', dir, '-f', 'json', '--control', 'privileged-container']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as ScanReport;
    const finding = report.findings.find((f) => f.controlId === 'privileged-container');
    assert.ok(finding, 'expected a privileged-container finding');
    assert.deepEqual(finding.path, ['spec', 'containers', 0, 'securityContext', 'privileged']);
    assert.equal(finding.location?.line, 9);
    assert.equal(finding.location.file, join(dir, 'pod.yaml'));
  });

  it('is a usage error (2) to name an unknown control or framework', async () => {
    for (const args of [
      ['--control', 'no-such-control'],
      ['--framework', 'no-such-framework'],
      ['--exclude-control', 'nope'],
    ]) {
      const run = await runCli(['scan', 'examples/', ...args]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.lastStderrLine, /exit 2/);
    }
  });

  it('is a usage error (2) to pass an unknown option or a bad value', async () => {
    for (const args of [
      ['--no-such-option'],
      ['--fail-on', 'severe'],
      ['--fail-under', '101'],
      ['-f', 'xml'],
      ['--max-file-size', 'lots'],
    ]) {
      const run = await runCli(['scan', 'examples/', ...args]);
      assert.equal(run.code, 2, args.join(' '));
    }
  });

  it('exits 3 when nothing was scanned, unless --allow-incomplete', async () => {
    const dir = tempDir({ 'notes.yaml': 'just: a config file\n' });
    const run = await runCli(['scan', dir]);
    assert.equal(run.code, 3);
    assert.match(run.lastStderrLine, /no Kubernetes resources/);
    const allowed = await runCli(['scan', dir, '--allow-incomplete']);
    assert.equal(allowed.code, 0);
  });

  it('keeps scanning the rest when one file is malformed, and exits 3', async () => {
    const dir = tempDir({
      'a-broken.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n',
      'b-bad.yaml': PRIVILEGED_POD,
    });
    const run = await runCli(['scan', dir, '-f', 'json']);
    assert.equal(run.code, 3, run.stderr);
    const report = JSON.parse(run.stdout) as ScanReport;
    assert.ok(
      report.resources.some((r) => r.name === 'bad'),
      'the good file was scanned',
    );
    const error = report.errors.find((e) => e.severity === 'error');
    assert.equal(error?.code, 'YAML_SYNTAX');
    assert.equal(error.file, join(dir, 'a-broken.yaml'));
    assert.equal(typeof error.line, 'number');
    assert.match(run.stderr, /a-broken\.yaml:\d+/);
  });

  it('the gate can be turned off, and a score threshold applies', async () => {
    const dir = tempDir({ 'bad.yaml': PRIVILEGED_POD });
    assert.equal((await runCli(['scan', dir, '--fail-on', 'none'])).code, 0);
    const underScore = await runCli(['scan', dir, '--fail-on', 'none', '--fail-under', '99']);
    assert.equal(underScore.code, 1);
    assert.match(underScore.lastStderrLine, /below 99/);
  });

  it('reads standard input for -', async () => {
    const run = await runCli(['scan', '-', '-f', 'json'], { stdin: HARDENED_POD });
    const report = JSON.parse(run.stdout) as ScanReport;
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(
      report.resources.map((r) => r.name),
      ['ok'],
    );
    assert.deepEqual(report.inputs, [{ type: 'stdin', target: '-' }]);
  });

  it('filters by kind and namespace', async () => {
    const dir = tempDir({
      'both.yaml': `${HARDENED_POD}---\n${PRIVILEGED_POD.replace('namespace: apps', 'namespace: other')}`,
    });
    const byNamespace = JSON.parse(
      (await runCli(['scan', dir, '-f', 'json', '--namespace', 'apps'])).stdout,
    ) as ScanReport;
    assert.deepEqual(
      byNamespace.resources.map((r) => r.name),
      ['ok'],
    );
    const byKind = await runCli(['scan', dir, '-f', 'json', '--exclude-kinds', 'pod']);
    assert.equal(byKind.code, 3, 'excluding every resource leaves nothing scanned');
  });

  it('uses colour only when asked or on a terminal without NO_COLOR', async () => {
    const dir = tempDir({ 'bad.yaml': PRIVILEGED_POD });
    const plain = await runCli(['scan', dir]);
    assert.doesNotMatch(plain.stdout, /\x1b\[/);
    const tty = await runCli(['scan', dir], { tty: true });
    assert.match(tty.stdout, /\x1b\[/);
    const noColor = await runCli(['scan', dir], { tty: true, env: { NO_COLOR: '1' } });
    assert.doesNotMatch(noColor.stdout, /\x1b\[/);
  });

  it('writes the report to a file with -o', async () => {
    const dir = tempDir({ 'ok.yaml': HARDENED_POD });
    const out = join(dir, 'report.json');
    const run = await runCli(['scan', join(dir, 'ok.yaml'), '-f', 'json', '-o', out]);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
  });

  it('writes a report of many pieces to -o whole and in order, the same as on stdout', async () => {
    // Over a thousand findings: the JSON is made and written in several pieces. Only the scan's
    // own clock may differ between the two runs.
    const pods = Array.from({ length: 150 }, (_, i) =>
      PRIVILEGED_POD.replace('name: bad', `name: bad-${i}`),
    );
    const dir = tempDir({ 'pods.yaml': pods.join('---\n') });
    // Outside the scanned directory, which the second scan would otherwise read.
    const outDir = tempDir({});
    const out = join(outDir, 'report.json');
    const written = await runCli(['scan', dir, '-f', 'json', '-o', out, '--fail-on', 'none']);
    assert.equal(written.code, 0, written.stderr);
    const printed = await runCli(['scan', dir, '-f', 'json', '--fail-on', 'none']);
    const clockless = (text: string): string =>
      text.replace(/"scannedAt": "[^"]*"/, '').replace(/"durationMs": \d+/, '');
    const file = readFileSync(out, 'utf8');
    assert.ok((JSON.parse(file) as ScanReport).findings.length > 1000);
    assert.equal(clockless(file), clockless(printed.stdout));
    assert.deepEqual(readdirSync(outDir), ['report.json'], 'no temporary file left');
  });

  it('leaves no file behind when the report cannot be written', async () => {
    const dir = tempDir({ 'bad.yaml': PRIVILEGED_POD });
    const run = await runCli(['scan', dir, '-f', 'json', '-o', join(dir, 'missing', 'r.json')]);
    assert.notEqual(run.code, 0);
    assert.notEqual(run.code, 1, 'a write failure is not a gate failure');
    assert.deepEqual(readdirSync(dir), ['bad.yaml']);
  });
});

describe('cubecape list and explain', () => {
  it('lists controls as JSON', async () => {
    const run = await runCli(['list', 'controls', '-f', 'json']);
    const controls = JSON.parse(run.stdout) as { id: string }[];
    assert.equal(run.code, 0);
    assert.ok(controls.length >= 12);
  });

  it('explains a control by its Kubescape alias', async () => {
    const run = await runCli(['explain', 'C-0057']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /privileged-container/);
    assert.equal((await runCli(['explain', 'nope'])).code, 2);
  });
});

describe('cubecape scan with several formats', () => {
  it('writes one file per format into -o DIR', async () => {
    const dir = tempDir({ 'ok.yaml': HARDENED_POD });
    const out = join(dir, 'reports');
    const run = await runCli(['scan', join(dir, 'ok.yaml'), '-f', 'json,pretty', '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(
      readFileSync(join(out, 'cubecape-report.json'), 'utf8'),
    ) as ScanReport;
    assert.equal(report.kind, 'ScanReport');
    const text = readFileSync(join(out, 'cubecape-report.txt'), 'utf8');
    assert.doesNotMatch(text, /\x1b\[/, 'files never get colour codes');
  });

  it('needs -o DIR for several formats, and rejects unknown formats', async () => {
    assert.equal((await runCli(['scan', 'examples/', '-f', 'json,pretty'])).code, 2);
    assert.equal((await runCli(['scan', 'examples/', '-f', 'json,yaml'])).code, 2);
  });

  it('writes into an existing directory given to -o with one format', async () => {
    const dir = tempDir({ 'ok.yaml': HARDENED_POD });
    const run = await runCli(['scan', join(dir, 'ok.yaml'), '-f', 'json', '-o', dir]);
    assert.equal(run.code, 0);
    assert.equal(
      (JSON.parse(readFileSync(join(dir, 'cubecape-report.json'), 'utf8')) as ScanReport).resources
        .length,
      1,
    );
  });
});
