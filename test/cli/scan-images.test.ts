/**
 * `cubecape scan --images` against a real docker-registry on loopback: the images the workloads
 * run are pulled, catalogued and matched, and their vulnerabilities join the ScanReport.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ScanReport } from '../../src/report/scan-report.js';
import { ociArchive } from '../vuln/image/build-image.js';
import {
  freePort,
  push,
  REGISTRY_TOOLS,
  requireTools,
  startRegistry,
  type Registry,
} from '../vuln/image/registry-harness.js';
import {
  ALPINE_LAYERS,
  DEBIAN_APP_LAYERS,
  writeAdvisories,
} from '../vuln/image/vulnerable-images.js';
import { runCli } from './run-cli.js';

const reportSchema = JSON.parse(
  readFileSync(new URL('../../docs/report-schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

function validateReport(report: unknown): void {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(reportSchema);
  assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
}

const deployment = (name: string, images: { containers: string[]; init?: string[] }): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: shop }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
${
  images.init === undefined
    ? ''
    : `      initContainers:\n${images.init.map((image, i) => `        - { name: init${String(i)}, image: "${image}" }`).join('\n')}\n`
}      containers:
${images.containers.map((image, i) => `        - { name: c${String(i)}, image: "${image}" }`).join('\n')}
`;

const cronJob = (name: string, image: string): string =>
  `apiVersion: batch/v1
kind: CronJob
metadata: { name: ${name}, namespace: shop }
spec:
  schedule: "0 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
            - { name: job, image: "${image}" }
`;

describe('cubecape scan --images (real docker-registry)', () => {
  let dir = '';
  let registry: Registry | undefined;
  let host = '';
  const env = (): Record<string, string> => ({ CUBECAPE_DB: join(dir, 'vuln.db') });
  const run = (argv: string[], extraEnv: Record<string, string> = {}) =>
    runCli(argv, { env: { ...env(), ...extraEnv }, cwd: dir });

  before(async () => {
    requireTools(...REGISTRY_TOOLS);
    dir = await mkdtemp(join(tmpdir(), 'cubecape-scan-images-'));
    const imported = await run(['db', 'import', ...writeAdvisories(dir)]);
    assert.equal(imported.code, 0, imported.stderr);
    registry = await startRegistry(dir);
    host = registry.host;
    await ociArchive(join(dir, 'app.tar'), [
      { platform: 'linux/amd64', layers: DEBIAN_APP_LAYERS },
      // The arm64 variant has none of the vulnerable packages: --platform picks it.
      {
        platform: 'linux/arm64',
        layers: [{ entries: [{ name: 'etc/os-release', content: 'ID=debian\nVERSION_ID=12\n' }] }],
      },
    ]);
    push(join(dir, 'app.tar'), `${host}/shop/app:1.0`);
    await ociArchive(join(dir, 'base.tar'), [{ platform: 'linux/amd64', layers: ALPINE_LAYERS }]);
    push(join(dir, 'base.tar'), `${host}/base:3.19`);
  });
  after(async () => {
    registry?.process.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('adds the vulnerabilities of each image with the workloads using it; gates count them', async () => {
    writeFileSync(
      join(dir, 'shop.yaml'),
      [
        deployment('web', { containers: [`${host}/shop/app:1.0`], init: [`${host}/base:3.19`] }),
        cronJob('report', `${host}/shop/app:1.0`),
      ].join('---\n'),
    );
    const out = await run([
      'scan',
      join(dir, 'shop.yaml'),
      '--images',
      '--insecure',
      '-f',
      'json',
      '--fail-on',
      'none',
    ]);
    assert.equal(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as ScanReport;
    validateReport(report);
    assert.deepEqual(
      report.inputs.filter((i) => i.type === 'image'),
      [
        { type: 'image', target: `${host}/shop/app:1.0` },
        { type: 'image', target: `${host}/base:3.19` },
      ],
    );
    const vulns = report.vulnerabilities ?? [];
    const lodash = vulns.find(
      (v) => v.id === 'CVE-2021-23337' && v.image === `${host}/shop/app:1.0`,
    );
    assert.ok(lodash, JSON.stringify(vulns, null, 2));
    assert.deepEqual(lodash.package, {
      name: 'lodash',
      version: '4.17.20',
      ecosystem: 'npm',
      purl: 'pkg:npm/lodash@4.17.20',
    });
    assert.equal(lodash.severity, 'high');
    assert.deepEqual(lodash.workloads, ['apps/Deployment/shop/web', 'batch/CronJob/shop/report']);
    assert.equal(lodash.locations[0]?.path, '/app/node_modules/lodash/package.json');
    // Both images are scanned: the same advisory in two images is two findings.
    assert.deepEqual(vulns.map((v) => `${v.image ?? ''} ${v.id} ${v.package.name}`).sort(), [
      `${host}/base:3.19 CVE-2021-23337 lodash`,
      `${host}/base:3.19 CVE-2023-6129 libcrypto3`,
      `${host}/shop/app:1.0 CVE-2019-10906 jinja2`,
      `${host}/shop/app:1.0 CVE-2021-23337 lodash`,
      `${host}/shop/app:1.0 CVE-2022-3715 bash`,
      `${host}/shop/app:1.0 CVE-2023-45128 github.com/gofiber/fiber/v2`,
      `${host}/shop/app:1.0 CVE-2023-5678 libssl3`,
    ]);
    for (const v of vulns.filter((v) => v.image === `${host}/base:3.19`))
      assert.deepEqual(v.workloads, ['apps/Deployment/shop/web']);
    assert.equal(report.summary.vulnerabilities?.total, 7);
    assert.equal(report.summary.vulnerabilities.bySeverity.high, 2);
    // The config scan is still there.
    assert.ok(report.resources.length === 2 && report.findings.length > 0);

    // --fail-on high counts the two high lodash findings, as `cubecape vuln` would.
    const gated = await run([
      'scan',
      join(dir, 'shop.yaml'),
      '--images',
      '--insecure',
      '-f',
      'json',
    ]);
    assert.equal(gated.code, 1, gated.stderr);
    assert.match(gated.lastStderrLine, /2 vulnerabilities in images at or above high severity/);

    // The default terminal output lists them per image.
    const pretty = await run([
      'scan',
      join(dir, 'shop.yaml'),
      '--images',
      '--insecure',
      '--fail-on',
      'none',
    ]);
    assert.equal(pretty.code, 0, pretty.stderr);
    assert.match(pretty.stdout, /Image vulnerabilities/);
    assert.match(
      pretty.stdout,
      new RegExp(`${host}/shop/app:1\\.0 used by apps/Deployment/shop/web`),
    );
    assert.match(pretty.stdout, /HIGH +CVE-2021-23337 {2}lodash 4\.17\.20 \(fixed in 4\.17\.21\)/);
    assert.match(pretty.stdout, /Vulns +7 vulnerabilities · 2 high/);
  });

  it('respects --platform like cubecape vuln', async () => {
    writeFileSync(
      join(dir, 'app.yaml'),
      deployment('web', { containers: [`${host}/shop/app:1.0`] }),
    );
    const args = ['--insecure', '--platform', 'linux/arm64', '-f', 'json', '--fail-on', 'none'];
    const out = await run(['scan', join(dir, 'app.yaml'), '--images', ...args]);
    assert.equal(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as ScanReport;
    assert.deepEqual(report.vulnerabilities, []);
    assert.equal(report.summary.vulnerabilities?.total, 0);
    const vuln = await run(['vuln', `registry:${host}/shop/app:1.0`, ...args]);
    assert.deepEqual((JSON.parse(vuln.stdout) as ScanReport).vulnerabilities, []);
  });

  it('an image that cannot be pulled is an unreadable input and exit 3, never a crash', async () => {
    const closed = `127.0.0.1:${String(await freePort())}`;
    writeFileSync(
      join(dir, 'broken.yaml'),
      [
        deployment('missing', { containers: [`${host}/nope:1`] }),
        deployment('offline', { containers: [`${closed}/app:1`] }),
        deployment('remote', { containers: ['example.com/team/app:2'] }),
        deployment('bad', { containers: ['Not A Reference'] }),
        deployment('ok', { containers: [`${host}/base:3.19`] }),
      ].join('---\n'),
    );
    const out = await run([
      'scan',
      join(dir, 'broken.yaml'),
      '--images',
      '--insecure',
      '-f',
      'json',
    ]);
    assert.equal(out.code, 3, out.stderr);
    assert.match(out.lastStderrLine, /exit 3: scan incomplete: 4 input errors/);
    const report = JSON.parse(out.stdout) as ScanReport;
    validateReport(report);
    const images = report.inputs.filter((i) => i.type === 'image');
    assert.deepEqual(
      images.map((i) => [i.target, i.unreadable === undefined ? 'read' : 'unreadable']),
      [
        [`${host}/nope:1`, 'unreadable'],
        [`${closed}/app:1`, 'unreadable'],
        ['example.com/team/app:2', 'unreadable'],
        ['Not A Reference', 'unreadable'],
        [`${host}/base:3.19`, 'read'],
      ],
    );
    for (const input of images) for (const why of input.unreadable ?? []) assert.ok(why.length > 0);
    assert.match(images[2]?.unreadable?.[0] ?? '', /--insecure/);
    assert.match(images[3]?.unreadable?.[0] ?? '', /invalid image reference/);
    const errors = report.errors.filter((e) => e.code === 'IMAGE_UNREADABLE');
    assert.equal(errors.length, 4);
    assert.match(
      errors[0]?.message ?? '',
      new RegExp(
        `^image ${host}/nope:1 \\(used by apps/Deployment/shop/missing\\) could not be scanned: `,
      ),
    );
    assert.ok(errors.every((e) => e.severity === 'error'));
    // The readable image is still scanned.
    assert.ok((report.vulnerabilities ?? []).some((v) => v.image === `${host}/base:3.19`));

    const accepted = await run([
      'scan',
      join(dir, 'broken.yaml'),
      '--images',
      '--insecure',
      '-f',
      'json',
      '--allow-incomplete',
      '--fail-on',
      'none',
    ]);
    assert.equal(accepted.code, 0, accepted.stderr);
  });

  it('pulls with --username/--password from a registry that requires them', async () => {
    const htpasswd = join(dir, 'htpasswd');
    execFileSync('htpasswd', ['-Bbc', htpasswd, 'alice', 's3cret'], { stdio: 'pipe' });
    const privateRegistry = await startRegistry(dir, htpasswd);
    try {
      push(join(dir, 'base.tar'), `${privateRegistry.host}/base:3.19`, [
        '--dest-creds',
        'alice:s3cret',
      ]);
      writeFileSync(
        join(dir, 'private.yaml'),
        deployment('web', { containers: [`${privateRegistry.host}/base:3.19`] }),
      );
      const args = ['scan', join(dir, 'private.yaml'), '--images', '--insecure', '-f', 'json'];
      const out = await run([...args, '--fail-on', 'none', '--username', 'alice'], {
        CUBECAPE_REGISTRY_PASSWORD: 's3cret',
      });
      assert.equal(out.code, 0, out.stderr);
      const report = JSON.parse(out.stdout) as ScanReport;
      assert.equal(report.vulnerabilities?.length, 2);
      const denied = await run([...args, '--username', 'alice', '--password', 'wrong']);
      assert.equal(denied.code, 3, denied.stderr);
    } finally {
      privateRegistry.process.kill();
    }
  });

  it('a missing vulnerability database is exit 3 with the message cubecape vuln gives', async () => {
    writeFileSync(join(dir, 'one.yaml'), deployment('web', { containers: [`${host}/base:3.19`] }));
    const missing = { CUBECAPE_DB: join(dir, 'absent.db') };
    const scan = await run(['scan', join(dir, 'one.yaml'), '--images', '--insecure'], missing);
    const vuln = await run(['vuln', `registry:${host}/base:3.19`, '--insecure'], missing);
    assert.equal(scan.code, 3);
    assert.equal(vuln.code, 3);
    assert.match(scan.lastStderrLine, /VULN_DB_MISSING/);
    assert.equal(scan.lastStderrLine, vuln.lastStderrLine);
    assert.equal(scan.stdout, '');
  });

  it('image options without --images are a usage error', async () => {
    const out = await run(['scan', join(dir, 'one.yaml'), '--platform', 'linux/arm64']);
    assert.equal(out.code, 2);
    assert.match(out.lastStderrLine, /--platform only apply with --images/);
  });
});
