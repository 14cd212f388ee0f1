import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ScanReport } from '../../src/report/scan-report.js';
import { cyclonedxValidator, spdxValidator } from '../vuln/sbom/schemas.js';
import { runCli } from './run-cli.js';

/** A Debian advisory naming the source package, as the Debian OSV data does. */
const OPENSSL = {
  id: 'DSA-0000-1',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2023-5678'],
  summary: 'openssl: excessive time spent in DH checks',
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L' }],
  affected: [
    {
      package: { ecosystem: 'Debian:12', name: 'openssl' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '3.0.13-1~deb12u1' }] }],
    },
  ],
};

const LODASH = {
  id: 'GHSA-35jh-r3h4-6jhm',
  modified: '2024-01-01T00:00:00Z',
  aliases: ['CVE-2021-23337'],
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
  affected: [
    {
      package: { ecosystem: 'npm', name: 'lodash' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }],
    },
  ],
};

const DPKG_STATUS = `Package: libssl3
Status: install ok installed
Priority: optional
Section: libs
Architecture: amd64
Source: openssl
Version: 3.0.11-1~deb12u2
Description: Secure Sockets Layer toolkit - shared libraries

Package: bash
Status: install ok installed
Architecture: amd64
Version: 5.2.15-2+b2
Description: GNU Bourne Again SHell
`;

describe('cubecape sbom on a directory target, and scanning the SBOM', () => {
  let dir: string;
  const env = (): Record<string, string> => ({
    CUBECAPE_DB: join(dir, 'vuln.db'),
    SOURCE_DATE_EPOCH: '1700000000',
  });
  const run = (argv: string[]) => runCli(argv, { env: env(), cwd: dir });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cubecape-sbom-'));
    const root = join(dir, 'rootfs');
    mkdirSync(join(root, 'etc'), { recursive: true });
    mkdirSync(join(root, 'var/lib/dpkg'), { recursive: true });
    mkdirSync(join(root, 'app/node_modules/lodash'), { recursive: true });
    writeFileSync(
      join(root, 'etc/os-release'),
      'ID=debian\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\n',
    );
    writeFileSync(join(root, 'var/lib/dpkg/status'), DPKG_STATUS);
    writeFileSync(
      join(root, 'app/package-lock.json'),
      JSON.stringify({
        name: 'app',
        lockfileVersion: 3,
        packages: {
          '': { name: 'app', dependencies: { lodash: '4.17.20' } },
          'node_modules/lodash': { version: '4.17.20', license: 'MIT' },
        },
      }),
    );
    writeFileSync(join(dir, 'openssl.json'), JSON.stringify(OPENSSL));
    writeFileSync(join(dir, 'lodash.json'), JSON.stringify(LODASH));
    const imported = await run(['db', 'import', 'openssl.json', 'lodash.json']);
    assert.equal(imported.code, 0, imported.stderr);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes schema-valid, reproducible CycloneDX and SPDX for dir:', async () => {
    const cdx = await run(['sbom', 'dir:rootfs', '-f', 'cyclonedx-json']);
    assert.equal(cdx.code, 0, cdx.stderr);
    assert.deepEqual(cyclonedxValidator()(JSON.parse(cdx.stdout)), []);
    assert.equal((await run(['sbom', 'dir:rootfs'])).stdout, cdx.stdout);
    const spdx = await run(['sbom', 'dir:rootfs', '-f', 'spdx-json', '-o', 'rootfs.spdx.json']);
    assert.equal(spdx.code, 0, spdx.stderr);
    assert.deepEqual(
      spdxValidator()(JSON.parse(readFileSync(join(dir, 'rootfs.spdx.json'), 'utf8'))),
      [],
    );
    assert.match(cdx.stdout, /"purl": "pkg:deb\/debian\/libssl3@/);
  });

  it('scanning the SBOMs gives the same vulnerabilities as scanning the directory', async () => {
    await run(['sbom', 'dir:rootfs', '-o', 'rootfs.cdx.json']);
    await run(['sbom', 'dir:rootfs', '-f', 'spdx-json', '-o', 'rootfs.spdx.json']);
    const found = async (target: string): Promise<string[]> => {
      const out = await run(['vuln', target, '-f', 'json', '--fail-on', 'none']);
      assert.equal(out.code, 0, out.stderr);
      const report = JSON.parse(out.stdout) as ScanReport;
      return (report.vulnerabilities ?? [])
        .map((v) => `${v.id} ${v.package.name} ${v.package.version} ${v.fixedVersions.join(',')}`)
        .sort();
    };
    const direct = await found('dir:rootfs');
    assert.deepEqual(direct, [
      'CVE-2021-23337 lodash 4.17.20 4.17.21',
      'CVE-2023-5678 libssl3 3.0.11-1~deb12u2 3.0.13-1~deb12u1',
    ]);
    assert.deepEqual(await found('sbom:rootfs.cdx.json'), direct);
    assert.deepEqual(await found('sbom:rootfs.spdx.json'), direct);
  });

  it('an SBOM without any package is exit 3 (nothing scanned)', async () => {
    writeFileSync(
      join(dir, 'empty.json'),
      JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }),
    );
    const out = await run(['sbom', 'sbom:empty.json']);
    assert.equal(out.code, 3);
    assert.match(out.lastStderrLine, /no packages found/);
  });

  it('a bad --timestamp is a usage error', async () => {
    const out = await run(['sbom', 'dir:rootfs', '--timestamp', 'yesterday']);
    assert.equal(out.code, 2);
  });
});
