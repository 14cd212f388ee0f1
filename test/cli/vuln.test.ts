import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ScanReport } from '../../src/report/scan-report.js';
import { writeCycloneDx } from '../../src/vuln/sbom/index.js';
import { sarifValidator } from '../report/sarif-schema.js';
import { FIXED_STAMP, sampleInventory } from '../vuln/sbom/sample-inventory.js';
import { CORPUS, cyclonedxValidator } from '../vuln/sbom/schemas.js';
import { runCli } from './run-cli.js';

/** A real-shaped OSV record (the lodash CVE-2021-23337 GHSA) with a CVSS v3.1 vector. */
const LODASH = {
  schema_version: '1.6.0',
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-23337'],
  summary: 'Command Injection in lodash',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};

const reportSchema = JSON.parse(
  readFileSync(new URL('../../docs/report-schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('cubecape vuln / sbom / vex', () => {
  let dir: string;
  let db: string;
  const env = (): Record<string, string> => ({ CUBECAPE_DB: db, SOURCE_DATE_EPOCH: '1700000000' });
  const run = (argv: string[]) => runCli(argv, { env: env(), cwd: dir });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cubecape-vuln-'));
    db = join(dir, 'vuln.db');
    writeFileSync(join(dir, 'lodash.json'), JSON.stringify(LODASH));
    copyFileSync(
      join(CORPUS, 'osv/golang-vulndb/data/osv/GO-2023-2115.json'),
      join(dir, 'go.json'),
    );
    copyFileSync(
      join(CORPUS, 'osv/pypa-advisory-database/vulns/jinja2/PYSEC-2019-217.yaml'),
      join(dir, 'pysec.yaml'),
    );
    const imported = await run(['db', 'import', 'lodash.json', 'go.json', 'pysec.yaml']);
    assert.equal(imported.code, 0, imported.stderr);
    writeFileSync(
      join(dir, 'bom.json'),
      JSON.stringify(writeCycloneDx(sampleInventory(), { stamp: FIXED_STAMP })),
    );
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('-f json is a ScanReport valid against docs/report-schema.json, with the findings', async () => {
    const out = await run(['vuln', 'sbom:bom.json', '-f', 'json']);
    assert.equal(out.code, 1, out.stderr);
    assert.match(out.lastStderrLine, /exit 1: 1 vulnerabilities at or above high/);
    const report = JSON.parse(out.stdout) as ScanReport;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(reportSchema);
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(report.inputs, [{ type: 'sbom', target: 'bom.json' }]);
    const ids = (report.vulnerabilities ?? []).map((v) => `${v.id} ${v.package.name}`).sort();
    assert.deepEqual(ids, [
      'CVE-2019-10906 jinja2',
      'CVE-2021-23337 lodash',
      'CVE-2023-45128 github.com/gofiber/fiber/v2',
    ]);
    const lodash = report.vulnerabilities?.find((v) => v.package.name === 'lodash');
    assert.equal(lodash?.severity, 'high');
    assert.deepEqual(lodash.cvss, {
      version: '3.1',
      vector: LODASH.severity[0]?.score,
      score: 7.2,
    });
    assert.deepEqual(lodash.fixedVersions, ['4.17.21']);
    assert.equal(lodash.locations.length, 2);
    assert.ok(lodash.locations.some((l) => l.layer?.startsWith('sha256:')));
    assert.equal(report.summary.vulnerabilities?.bySeverity.high, 1);
  });

  it('--fail-on critical passes; --fail-on none always passes', async () => {
    assert.equal((await run(['vuln', 'sbom:bom.json', '--fail-on', 'critical'])).code, 0);
    assert.equal((await run(['vuln', 'sbom:bom.json', '--fail-on', 'none'])).code, 0);
  });

  it('--only-fixed keeps only findings with a fixed version', async () => {
    const out = await run(['vuln', 'sbom:bom.json', '-f', 'json', '--only-fixed']);
    const report = JSON.parse(out.stdout) as ScanReport;
    assert.ok((report.vulnerabilities ?? []).every((v) => v.fixedVersions.length > 0));
    assert.ok((report.vulnerabilities ?? []).length >= 1);
  });

  it('a missing database is exit 3 telling the user to import one', async () => {
    const out = await runCli(['vuln', 'sbom:bom.json'], {
      env: { CUBECAPE_DB: join(dir, 'nope.db') },
      cwd: dir,
    });
    assert.equal(out.code, 3);
    assert.match(out.lastStderrLine, /\[VULN_DB_MISSING\]/);
    assert.match(out.lastStderrLine, /cubecape db import/);
  });

  it('a broken SBOM is exit 3 naming the file', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"bomFormat":"CycloneDX","specVersion":"9.9"}');
    const out = await run(['vuln', 'sbom:bad.json']);
    assert.equal(out.code, 3);
    assert.match(out.lastStderrLine, /bad\.json: .*\[SBOM_INVALID\]/);
  });

  it('the table groups by severity and has no colour codes off a terminal', async () => {
    const out = await run(['vuln', 'sbom:bom.json', '--fail-on', 'none']);
    assert.equal(out.code, 0);
    assert.doesNotMatch(out.stdout, /\x1b\[/);
    assert.match(out.stdout, /HIGH \(1\)[\s\S]*CVE-2021-23337 +lodash +4\.17\.20 +4\.17\.21 +7\.2/);
    assert.match(out.stdout, /UNKNOWN \(2\)/);
    const tty = await runCli(['vuln', 'sbom:bom.json', '--fail-on', 'none'], {
      env: { ...env(), FORCE_COLOR: '1' },
      cwd: dir,
      tty: true,
    });
    assert.match(tty.stdout, /\x1b\[/);
  });

  it('-f sarif is valid SARIF 2.1.0 with one rule per vulnerability id', async () => {
    const out = await run(['vuln', 'sbom:bom.json', '-f', 'sarif', '--fail-on', 'none']);
    const log = JSON.parse(out.stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: unknown[] }[];
    };
    assert.deepEqual(sarifValidator()(log), []);
    const rules = log.runs[0]?.tool.driver.rules.map((r) => r.id) ?? [];
    assert.equal(new Set(rules).size, rules.length);
    assert.ok(rules.includes('CVE-2021-23337'));
  });

  it('-f cyclonedx-json is a valid CycloneDX 1.6 BOM with a vulnerabilities section', async () => {
    const out = await run(['vuln', 'sbom:bom.json', '-f', 'cyclonedx-json', '--fail-on', 'none']);
    const bom = JSON.parse(out.stdout) as { vulnerabilities: { id: string }[] };
    assert.deepEqual(cyclonedxValidator()(bom), []);
    assert.ok(bom.vulnerabilities.some((v) => v.id === 'CVE-2021-23337'));
  });

  it('sbom → SPDX → vuln gives the same vulnerabilities as the CycloneDX input', async () => {
    const spdx = await run(['sbom', 'sbom:bom.json', '-f', 'spdx-json', '-o', 'out.spdx.json']);
    assert.equal(spdx.code, 0, spdx.stderr);
    const ids = async (target: string): Promise<string[]> => {
      const out = await run(['vuln', target, '-f', 'json', '--fail-on', 'none']);
      const report = JSON.parse(out.stdout) as ScanReport;
      return (report.vulnerabilities ?? []).map((v) => `${v.id} ${v.package.purl ?? ''}`).sort();
    };
    assert.deepEqual(await ids('sbom:out.spdx.json'), await ids('sbom:bom.json'));
    const again = await run(['sbom', 'bom.json', '-f', 'spdx-json']);
    assert.equal(again.stdout, readFileSync(join(dir, 'out.spdx.json'), 'utf8'), 'reproducible');
  });

  it('vex create accepts a finding; --vex then suppresses it and the gate passes', async () => {
    const json = await run(['vuln', 'sbom:bom.json', '-f', 'json', '-o', 'report.json']);
    assert.equal(json.code, 1);
    const created = await run([
      'vex',
      'create',
      '--report',
      'report.json',
      '--vuln',
      'GHSA-35jh-r3h4-6jhm',
      '--justification',
      'vulnerable_code_not_in_execute_path',
      '-o',
      'vex.json',
    ]);
    assert.equal(created.code, 0, created.stderr);
    const out = await run(['vuln', 'sbom:bom.json', '-f', 'json', '--vex', 'vex.json']);
    assert.equal(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as ScanReport;
    const lodash = report.vulnerabilities?.find((v) => v.package.name === 'lodash');
    assert.equal(lodash?.status, 'suppressed');
    assert.deepEqual(lodash.suppression, {
      source: 'vex',
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      document: 'vex.json',
    });
    assert.equal(report.summary.vulnerabilities?.suppressed, 1);
  });

  it('vex create with an id no finding has is a usage error (exit 2)', async () => {
    await run(['vuln', 'sbom:bom.json', '-f', 'json', '-o', 'report.json']);
    const out = await run([
      'vex',
      'create',
      '--report',
      'report.json',
      '--vuln',
      'CVE-0000-0000',
      '--status',
      'fixed',
    ]);
    assert.equal(out.code, 2);
    assert.match(out.lastStderrLine, /CVE-0000-0000/);
  });
});
