/**
 * Issue 7, "SBOMs in": scanning the CycloneDX or SPDX SBOM of an image gives the same
 * vulnerabilities as scanning the image itself.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ReportVulnerability, ScanReport } from '../../src/report/scan-report.js';
import { dockerArchive, ociDir } from '../vuln/image/build-image.js';
import {
  ALPINE_LAYERS,
  DEBIAN_APP_LAYERS,
  writeAdvisories,
} from '../vuln/image/vulnerable-images.js';
import { runCli } from './run-cli.js';

/** What must not change between an image and its SBOM: the vulnerability and the package it hits. */
function key(v: ReportVulnerability): string {
  return JSON.stringify({
    id: v.id,
    aliases: v.aliases,
    package: v.package,
    status: v.status,
    severity: v.severity,
    fixedVersions: v.fixedVersions,
    locations: v.locations,
  });
}

describe('SBOM equivalence: vuln sbom:FILE = vuln IMAGE', () => {
  let dir: string;
  const run = (argv: string[]) =>
    runCli(argv, {
      env: { CUBECAPE_DB: join(dir, 'vuln.db'), SOURCE_DATE_EPOCH: '1700000000' },
      cwd: dir,
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cubecape-sbom-eq-'));
    const imported = await run(['db', 'import', ...writeAdvisories(dir)]);
    assert.equal(imported.code, 0, imported.stderr);
    await dockerArchive(join(dir, 'debian.tar'), DEBIAN_APP_LAYERS);
    mkdirSync(join(dir, 'alpine'));
    await ociDir(join(dir, 'alpine'), [{ platform: 'linux/amd64', layers: ALPINE_LAYERS }]);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function vulns(target: string): Promise<readonly ReportVulnerability[]> {
    const out = await run(['vuln', target, '-f', 'json', '--fail-on', 'none']);
    assert.equal(out.code, 0, `${target}: ${out.stderr}`);
    return (JSON.parse(out.stdout) as ScanReport).vulnerabilities ?? [];
  }

  const cases = [
    {
      name: 'Debian docker-archive (dpkg with source packages, npm, PyPI, Go)',
      target: 'docker-archive:debian.tar',
      expected: [
        'CVE-2019-10906 jinja2 2.10',
        'CVE-2021-23337 lodash 4.17.20',
        'CVE-2022-3715 bash 5.2.15-2',
        'CVE-2023-45128 github.com/gofiber/fiber/v2 2.49.0',
        'CVE-2023-5678 libssl3 3.0.11-1~deb12u2',
      ],
    },
    {
      name: 'Alpine OCI layout (apk with an origin package, npm)',
      target: 'oci-dir:alpine',
      expected: ['CVE-2021-23337 lodash 4.17.15', 'CVE-2023-6129 libcrypto3 3.1.4-r1'],
    },
  ];

  for (const { name, target, expected } of cases) {
    it(name, async () => {
      const fromImage = await vulns(target);
      assert.deepEqual(
        fromImage.map((v) => `${v.id} ${v.package.name} ${v.package.version}`).sort(),
        expected,
      );
      for (const format of ['cyclonedx-json', 'spdx-json']) {
        const file = `${target.replace(/\W+/g, '-')}.${format}.json`;
        const written = await run(['sbom', target, '-f', format, '-o', file]);
        assert.equal(written.code, 0, written.stderr);
        const fromSbom = await vulns(`sbom:${file}`);
        assert.deepEqual(fromSbom.map(key).sort(), fromImage.map(key).sort(), format);
      }
    });
  }
});
