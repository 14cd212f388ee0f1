import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from './run-cli.js';

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-exc-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const pod = (name: string, annotations = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ops
${annotations}spec:
  containers:
    - name: app
      image: registry.example.com/app:1.2.3
      securityContext:
        privileged: true
`;

const EXCEPTION = `apiVersion: cubecape.io/v1alpha1
kind: Exception
metadata: {name: node-tuner-needs-privileges}
spec:
  reason: the tuner writes kernel parameters
  owner: platform-team
  ticket: SEC-123
  expires: "2999-01-01T00:00:00Z"
  match:
    controls: [privileged-container]
    resources:
      - {kind: Pod, namespace: ops, name: "node-*"}
`;

const KUBESCAPE = JSON.stringify([
  {
    name: 'ks-tuner',
    policyType: 'postureExceptionPolicy',
    actions: ['alertOnly'],
    resources: [{ designatorType: 'Attributes', attributes: { kind: 'Pod', name: 'node-.*' } }],
    posturePolicies: [{ controlID: 'C-0057' }],
  },
]);

const SCAN = ['--control', 'privileged-container', '-f', 'json'];

function parse(stdout: string): ScanReport {
  return JSON.parse(stdout) as ScanReport;
}

describe('cubecape scan --exceptions', () => {
  const dir = tempDir({
    'k8s/pods.yaml': `${pod('node-tuner')}---\n${pod('web')}`,
    'exceptions/main.yaml': EXCEPTION,
    'kubescape.json': KUBESCAPE,
    'expired.yaml': EXCEPTION.replace('2999-01-01T00:00:00Z', '2001-01-01'),
    'bad.yaml': EXCEPTION.replace('  reason: the tuner writes kernel parameters\n', ''),
    'annotated.yaml': pod(
      'node-tuner',
      '  annotations:\n    cubecape.io/ignore: privileged-container\n    cubecape.io/ignore-reason: vendor agent\n',
    ),
    'annotated-no-reason.yaml': pod('node-tuner', '  annotations:\n    cubecape.io/ignore: "*"\n'),
  });
  const at = (name: string) => join(dir, name);

  const sources: [string, string][] = [
    ['a file', at('exceptions/main.yaml')],
    ['a directory', at('exceptions')],
    ['Kubescape exception JSON', at('kubescape.json')],
  ];
  for (const [name, path] of sources) {
    it(`excepts matching findings from ${name} and keeps the rest failing`, async () => {
      const run = await runCli(['scan', at('k8s'), ...SCAN, '--exceptions', path]);
      assert.equal(run.code, 1, run.stderr);
      const report = parse(run.stdout);
      assert.deepEqual(
        report.findings.map((f) => [f.resourceId, f.status]),
        [
          ['core/Pod/ops/node-tuner', 'excepted'],
          ['core/Pod/ops/web', 'failed'],
        ],
      );
      assert.equal(report.summary.excepted, 1);
      assert.equal(report.controls[0]?.counts.excepted, 1);
    });
  }

  it('passes the gate when every failure is excepted, and records the exception', async () => {
    const run = await runCli([
      'scan',
      at('k8s/pods.yaml'),
      ...SCAN,
      '--exceptions',
      at('exceptions'),
    ]);
    const report = parse(run.stdout);
    const excepted = report.findings.find((f) => f.status === 'excepted');
    assert.deepEqual(excepted?.exception, {
      name: 'node-tuner-needs-privileges',
      reason: 'the tuner writes kernel parameters',
      owner: 'platform-team',
      ticket: 'SEC-123',
      expires: '2999-01-01T00:00:00Z',
    });
    const only = await runCli([
      'scan',
      at('annotated.yaml'),
      ...SCAN,
      '--exceptions',
      at('exceptions'),
    ]);
    assert.equal(only.code, 0, only.stderr);
    assert.equal(parse(only.stdout).controls[0]?.status, 'excepted');
  });

  it('does not apply an expired exception and warns on stderr and in the report', async () => {
    const run = await runCli(['scan', at('k8s'), ...SCAN, '--exceptions', at('expired.yaml')]);
    assert.equal(run.code, 1);
    const report = parse(run.stdout);
    assert.equal(report.summary.excepted, 0);
    const warning = report.errors.find((e) => e.code === 'EXCEPTION_EXPIRED');
    assert.equal(warning?.severity, 'warning');
    assert.equal(warning.line, 3);
    assert.match(run.stderr, /expired\.yaml:3: warning: .*\[EXCEPTION_EXPIRED\]/);
  });

  it('exits 2 on an invalid exceptions file, naming file and line', async () => {
    const run = await runCli(['scan', at('k8s'), ...SCAN, '--exceptions', at('bad.yaml')]);
    assert.equal(run.code, 2);
    assert.match(
      run.lastStderrLine,
      /^cubecape: exit 2: .*bad\.yaml:4:1: .*reason.*\[EXCEPTION_INVALID\]$/,
    );
    assert.equal(run.stdout, '', 'nothing scanned or printed');
  });

  it('exits 2 on a missing exceptions path', async () => {
    const run = await runCli(['scan', at('k8s'), ...SCAN, '--exceptions', at('nope.yaml')]);
    assert.equal(run.code, 2);
    assert.match(run.lastStderrLine, /nope\.yaml.*\[EXCEPTION_INVALID\]$/);
  });

  const inline: [string, string, string[], string][] = [
    ['honours an annotation with a reason', 'annotated.yaml', [], 'excepted'],
    [
      'ignores it with --no-inline-exceptions',
      'annotated.yaml',
      ['--no-inline-exceptions'],
      'failed',
    ],
    ['ignores an annotation without a reason', 'annotated-no-reason.yaml', [], 'failed'],
  ];
  for (const [name, file, options, status] of inline) {
    it(name, async () => {
      const run = await runCli(['scan', at(file), ...SCAN, ...options]);
      assert.equal(parse(run.stdout).findings[0]?.status, status);
    });
  }

  it('lists excepted findings in pretty output only with --show-excepted', async () => {
    const args = [
      'scan',
      at('k8s'),
      '--control',
      'privileged-container',
      '--exceptions',
      at('exceptions'),
    ];
    const quiet = await runCli(args);
    assert.doesNotMatch(quiet.stdout, /node-tuner-needs-privileges/);
    const shown = await runCli([...args, '--show-excepted']);
    assert.match(shown.stdout, /node-tuner-needs-privileges/);
  });
});

describe('cubecape scan --baseline', () => {
  const dir = tempDir({ 'v1/pods.yaml': pod('node-tuner') });
  const at = (name: string) => join(dir, name);

  it('marks findings new or existing, survives moved lines, and gates on new ones', async () => {
    const first = await runCli(['scan', at('v1'), ...SCAN]);
    writeFileSync(at('base.json'), first.stdout);
    // Same object, shifted down by a comment and moved to another file; plus a new pod.
    writeFileSync(at('v2.yaml'), `# moved\n\n${pod('node-tuner')}---\n${pod('web')}`);
    const run = await runCli(['scan', at('v2.yaml'), ...SCAN, '--baseline', at('base.json')]);
    assert.equal(run.code, 1);
    const report = parse(run.stdout);
    assert.deepEqual(
      report.findings.map((f) => [f.resourceId, f.baseline]),
      [
        ['core/Pod/ops/node-tuner', 'existing'],
        ['core/Pod/ops/web', 'new'],
      ],
    );
    assert.deepEqual(report.summary.baseline, { new: 1, existing: 1, resolved: 0 });

    const onlyOld = await runCli([
      'scan',
      at('v1'),
      ...SCAN,
      '--baseline',
      at('base.json'),
      '--fail-on-new',
    ]);
    assert.equal(onlyOld.code, 0, onlyOld.stderr);
    const withNew = await runCli([
      'scan',
      at('v2.yaml'),
      ...SCAN,
      '--baseline',
      at('base.json'),
      '--fail-on-new',
    ]);
    assert.equal(withNew.code, 1);
    assert.match(withNew.lastStderrLine, /1 new finding at or above high severity/);
  });

  const bad: [string, Record<string, string>, string[]][] = [
    ['a missing baseline', {}, ['--baseline', 'missing.json']],
    ['a baseline that is not JSON', { 'b.json': 'apiVersion: v1' }, ['--baseline', 'b.json']],
    [
      'a baseline of another kind',
      { 'b.json': '{"apiVersion":"cubecape.io/v1alpha1","kind":"ScanDiff"}' },
      ['--baseline', 'b.json'],
    ],
    ['--fail-on-new without --baseline', {}, ['--fail-on-new']],
  ];
  for (const [name, files, options] of bad) {
    it(`exits 2 on ${name}`, async () => {
      const cwd = tempDir({ 'pods.yaml': pod('x'), ...files });
      const run = await runCli(['scan', 'pods.yaml', ...SCAN, ...options], { cwd });
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      if (options[0] === '--baseline')
        assert.match(
          run.lastStderrLine,
          new RegExp(`${options[1] ?? ''}.*expected.*\\[REPORT_INVALID\\]$`),
        );
    });
  }
});
