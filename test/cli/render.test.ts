import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { simpleChart, tgz, writeTree } from '../ingest/helm/chart/fixtures.js';
import { runCli } from './run-cli.js';

/** A chart whose container turns privileged when `.Values.privileged` is true (line 13). */
function privilegedChart(): Record<string, string> {
  return simpleChart('app', {
    'values.yaml': 'replicas: 1\nimage: nginx:1.25\nprivileged: true\n',
    'templates/deployment.yaml': [
      'apiVersion: apps/v1', //                                  1
      'kind: Deployment', //                                     2
      'metadata:', //                                            3
      '  name: {{ .Release.Name }}', //                          4
      'spec:', //                                                5
      '  template:', //                                          6
      '    spec:', //                                            7
      '      containers:', //                                   8
      '        - name: app', //                                  9
      '          image: {{ .Values.image }}', //                10
      '          {{- with .Values.privileged }}', //            11
      '          securityContext:', //                         12
      '            privileged: {{ . }}', //                     13
      '          {{- end }}', //                                14
      '',
    ].join('\n'),
  });
}

describe('cubecape render', () => {
  it('prints manifests like helm template', async () => {
    const dir = writeTree(simpleChart('app'));
    const run = await runCli(['render', dir, '--release-name', 'rel', '--set', 'replicas=4']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /^---\n# Source: app\/templates\/deployment.yaml\napiVersion: apps\/v1\n/,
    );
    assert.match(run.stdout, /name: rel-app\n/);
    assert.match(run.stdout, /replicas: 4\n/);
  });

  it('writes to -o FILE and reads -f values files', async () => {
    const dir = writeTree({ ...simpleChart('app'), 'v.yaml': 'image: busybox\n' });
    const out = join(dir, 'out.yaml');
    const run = await runCli(['render', dir, '-f', join(dir, 'v.yaml'), '-o', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /image: busybox/);
  });

  it('renders a packaged chart', async () => {
    const dir = writeTree({});
    const path = join(dir, 'app.tgz');
    writeFileSync(
      path,
      tgz(
        Object.entries(simpleChart('app')).map(([name, data]) => ({ name: `app/${name}`, data })),
      ),
    );
    const run = await runCli(['render', path]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /kind: Deployment/);
  });

  const failures: [string, Record<string, string>, string[], RegExp][] = [
    [
      'a required value',
      { 'templates/bad.yaml': 'a: 1\nb: {{ required "set .Values.b please" .Values.b }}\n' },
      [],
      /templates\/bad.yaml:2: .*set \.Values\.b please/,
    ],
    [
      'fail',
      { 'templates/bad.yaml': '{{ fail "unsupported setup" }}' },
      [],
      /templates\/bad.yaml:1: .*unsupported setup/,
    ],
    [
      'a parse error',
      { 'templates/bad.yaml': 'x\n{{ if }}' },
      [],
      /templates\/bad.yaml:2: .*missing value for if/,
    ],
    ['a --set syntax error', {}, ['--set', 'a[x]=1'], /bad list index/],
  ];
  for (const [name, extra, args, message] of failures)
    it(`exits 3 (or 2 for usage) on ${name} with the template location`, async () => {
      const dir = writeTree(simpleChart('app', extra));
      const run = await runCli(['render', dir, ...args]);
      assert.equal(run.code, args.length > 0 ? 2 : 3);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });

  it('exits 3 for a directory that is not a chart', async () => {
    const run = await runCli(['render', writeTree({ 'a.yaml': 'x: 1' })]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /Chart.yaml is missing/);
  });
});

describe('cubecape scan CHART', () => {
  it('scans the rendered resources and points findings at template lines', async () => {
    const dir = writeTree(privilegedChart());
    const run = await runCli([
      'scan',
      dir,
      '--control',
      'privileged-container',
      '-f',
      'json',
      '--fail-on',
      'none',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      inputs: unknown[];
      resources: { kind: string; source?: { file: string; line: number } }[];
      findings: { controlId: string; status: string; location?: { file: string; line: number } }[];
    };
    assert.deepEqual(report.inputs, [{ type: 'helm', target: dir }]);
    assert.deepEqual(
      report.resources.map((r) => [r.kind, r.source?.file, r.source?.line]),
      [['Deployment', join(dir, 'templates/deployment.yaml'), 1]],
    );
    const failed = report.findings.filter((f) => f.status === 'failed');
    assert.deepEqual(
      failed.map((f) => [f.controlId, f.location?.file, f.location?.line]),
      [['privileged-container', join(dir, 'templates/deployment.yaml'), 13]],
    );
  });

  it('applies Helm options on scan', async () => {
    const dir = writeTree(privilegedChart());
    const run = await runCli([
      'scan',
      dir,
      '--control',
      'privileged-container',
      '-f',
      'json',
      '--set',
      'privileged=false',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { findings: { status: string }[] };
    assert.equal(report.findings.filter((f) => f.status === 'failed').length, 0);
  });

  it('reports a chart that does not render as an incomplete scan', async () => {
    const dir = writeTree(simpleChart('app', { 'templates/bad.yaml': '{{ fail "no" }}' }));
    const run = await runCli(['scan', dir, '-f', 'json']);
    assert.equal(run.code, 3);
    const report = JSON.parse(run.stdout) as {
      errors: { code: string; file?: string; line?: number }[];
    };
    assert.deepEqual(
      report.errors.map((e) => [e.code, e.file, e.line]),
      [['TEMPLATE_EXEC', join(dir, 'templates/bad.yaml'), 1]],
    );
  });
});
