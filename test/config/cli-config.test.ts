import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ScanReport } from '../../src/report/scan-report.js';
import { runCli } from '../cli/run-cli.js';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: quay.io/acme/web:1.0
      resources:
        limits: { cpu: "4", memory: 256Mi }
`;

const CONFIG = `apiVersion: cubecape.io/v1alpha1
kind: ControlsConfig
spec:
  allowedRegistries: [ghcr.io/acme]
  resources:
    limits:
      cpu: { max: "2" }
`;

function tempDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

function statusOf(report: ScanReport, controlId: string): string | undefined {
  return report.controls.find((control) => control.id === controlId)?.status;
}

async function scan(dir: string, extra: string[]): Promise<ScanReport> {
  const run = await runCli(
    [
      'scan',
      join(dir, 'pod.yaml'),
      '-f',
      'json',
      '--control',
      'allowed-registries,resource-limits',
      ...extra,
    ],
    { cwd: dir },
  );
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  return JSON.parse(run.stdout) as ScanReport;
}

describe('cubecape scan --config', () => {
  it('turns allowed-registries from skipped into judged, and bounds limits', async () => {
    const dir = tempDir({ 'pod.yaml': POD, 'controls.yaml': CONFIG });
    const without = await scan(dir, []);
    assert.equal(statusOf(without, 'allowed-registries'), 'skipped');
    assert.equal(statusOf(without, 'resource-limits'), 'passed');
    const configured = await scan(dir, ['--config', 'controls.yaml']);
    assert.equal(statusOf(configured, 'allowed-registries'), 'failed');
    assert.equal(statusOf(configured, 'resource-limits'), 'failed');
    const limit = configured.findings.find((finding) => finding.controlId === 'resource-limits');
    assert.deepEqual(limit?.path, ['spec', 'containers', 0, 'resources', 'limits', 'cpu']);
  });

  it('reads .cubecape.yaml from the working directory, says so, and --no-config ignores it', async () => {
    const dir = tempDir({ 'pod.yaml': POD, '.cubecape.yaml': CONFIG });
    const run = await runCli(
      ['scan', join(dir, 'pod.yaml'), '-f', 'json', '--control', 'allowed-registries'],
      {
        cwd: dir,
      },
    );
    assert.match(run.stderr, /using controls configuration \.cubecape\.yaml/);
    assert.equal(statusOf(JSON.parse(run.stdout) as ScanReport, 'allowed-registries'), 'failed');
    const ignored = await scan(dir, ['--no-config']);
    assert.equal(statusOf(ignored, 'allowed-registries'), 'skipped');
  });

  const broken: [string, string, RegExp][] = [
    [
      'an unknown key',
      CONFIG.replace('allowedRegistries', 'allowedRegistry'),
      /bad\.yaml:4:3: unknown key "spec\.allowedRegistry"/,
    ],
    [
      'a wrong type',
      CONFIG.replace('[ghcr.io/acme]', '3'),
      /bad\.yaml:4:\d+: expected a list of strings at spec\.allowedRegistries, got a number/,
    ],
    [
      'a ReDoS pattern',
      `${CONFIG}  sensitiveValuePatterns: ['(a+)+$']\n`,
      /bad\.yaml:8:\d+: .*nested quantifiers/,
    ],
  ];
  for (const [name, text, message] of broken) {
    it(`exits 2 on ${name}, naming file and line, before scanning`, async () => {
      const dir = tempDir({ 'pod.yaml': POD, 'bad.yaml': text });
      const run = await runCli(['scan', join(dir, 'pod.yaml'), '--config', 'bad.yaml'], {
        cwd: dir,
      });
      assert.equal(run.code, 2);
      assert.match(run.lastStderrLine, message);
      assert.match(run.lastStderrLine, /\[CONFIG\]$/);
      assert.equal(run.stdout, '');
    });
  }

  it('exits 2 when the --config file does not exist or is a directory', async () => {
    const dir = tempDir({ 'pod.yaml': POD });
    for (const file of ['missing.yaml', '.']) {
      const run = await runCli(['scan', join(dir, 'pod.yaml'), '--config', file], { cwd: dir });
      assert.equal(run.code, 2, file);
      assert.match(run.lastStderrLine, /controls configuration/);
    }
  });

  it('exits 2 on a broken .cubecape.yaml too', async () => {
    const dir = tempDir({ 'pod.yaml': POD, '.cubecape.yaml': 'kind: [\n' });
    const run = await runCli(['scan', join(dir, 'pod.yaml')], { cwd: dir });
    assert.equal(run.code, 2);
    assert.match(run.lastStderrLine, /\.cubecape\.yaml:\d+:\d+: invalid YAML/);
  });
});

describe('cubecape fix --config', () => {
  it('applies the configuration to the fixes it plans', async () => {
    const pod = POD.replace(
      '      resources:',
      '      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]\n      resources:',
    );
    const dir = tempDir({
      'pod.yaml': pod,
      'strict.yaml': CONFIG.replace('spec:\n', 'spec:\n  allowedCapabilities: []\n'),
    });
    const lenient = await runCli(
      ['fix', join(dir, 'pod.yaml'), '--dry-run', '--control', 'added-capabilities'],
      { cwd: dir },
    );
    assert.equal(lenient.code, 0, lenient.stderr);
    assert.equal(lenient.stdout, '');
    const strict = await runCli(
      [
        'fix',
        join(dir, 'pod.yaml'),
        '--dry-run',
        '--control',
        'added-capabilities',
        '--config',
        'strict.yaml',
      ],
      { cwd: dir },
    );
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stdout, /^-\s+add: \[NET_BIND_SERVICE\]/m);
  });
});
