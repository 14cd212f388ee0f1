import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { importOsv, VulnDb } from '../../../src/vuln/db/index.js';
import { matchPackages, type PackageQuery } from '../../../src/vuln/match/index.js';

const CORPUS = fileURLToPath(new URL('../../../../shared/corpus/osv', import.meta.url));

const advisoriesFor = (db: VulnDb, pkg: PackageQuery): string[] =>
  matchPackages(db, [pkg]).findings.flatMap((f) => f.advisories);

describe('matchPackages against the Go and PyPA corpora', () => {
  let db: VulnDb;
  before(() => {
    db = VulnDb.open(':memory:');
    importOsv(db, [join(CORPUS, 'golang-vulndb'), join(CORPUS, 'pypa-advisory-database')]);
  });
  after(() => {
    db.close();
  });

  const fiber = 'github.com/gofiber/fiber/v2';
  const cases: readonly (readonly [string, PackageQuery, string, boolean])[] = [
    [
      'Go version inside the range',
      { ecosystem: 'Go', name: fiber, version: 'v2.49.0' },
      'GO-2023-2115',
      true,
    ],
    [
      'Go version without v prefix',
      { ecosystem: 'Go', name: fiber, version: '2.49.0' },
      'GO-2023-2115',
      true,
    ],
    [
      'Go fixed version',
      { ecosystem: 'Go', name: fiber, version: 'v2.50.0' },
      'GO-2023-2115',
      false,
    ],
    [
      'Go module paths are case-sensitive',
      { ecosystem: 'Go', name: fiber.toUpperCase(), version: 'v2.49.0' },
      'GO-2023-2115',
      false,
    ],
    [
      'PyPI version inside the range',
      { ecosystem: 'PyPI', name: 'jinja2', version: '2.10' },
      'PYSEC-2019-217',
      true,
    ],
    [
      'PyPI fixed version',
      { ecosystem: 'PyPI', name: 'jinja2', version: '2.10.1' },
      'PYSEC-2019-217',
      false,
    ],
    [
      'PyPI name in another spelling',
      { ecosystem: 'pypi', name: 'Jinja2', version: '2.10' },
      'PYSEC-2019-217',
      true,
    ],
    [
      'PyPI listed version',
      { ecosystem: 'PyPI', name: 'apache.skywalking', version: '1.0.1' },
      'PYSEC-2020-342',
      true,
    ],
    [
      'withdrawn Go advisory',
      { ecosystem: 'Go', name: 'github.com/gorilla/sessions', version: 'v1.2.1' },
      'GO-2024-2730',
      false,
    ],
    [
      'withdrawn PyPI advisory',
      { ecosystem: 'PyPI', name: 'redis', version: '0.6.0' },
      'PYSEC-2023-73',
      false,
    ],
  ];
  for (const [name, pkg, id, expected] of cases) {
    it(`${name}: ${id} ${expected ? 'matches' : 'does not match'}`, () => {
      assert.equal(advisoriesFor(db, pkg).includes(id), expected);
    });
  }

  it('reports the CVE as the id, other ids as aliases, and the fixed version', () => {
    const finding = matchPackages(db, [
      { ecosystem: 'Go', name: fiber, version: 'v2.49.0' },
    ]).findings.find((f) => f.advisories.includes('GO-2023-2115'));
    assert.equal(finding?.id, 'CVE-2023-45128');
    assert.deepEqual(finding.aliases, ['GHSA-94w9-97p3-p368', 'GO-2023-2115']);
    assert.deepEqual(finding.fixedVersions, ['2.50.0']);
    assert.equal(finding.status, 'affected');
  });

  it('scores PyPA CVSS vectors', () => {
    const finding = matchPackages(db, [
      { ecosystem: 'PyPI', name: 'apache-skywalking', version: '1.0.0' },
    ]).findings[0];
    assert.equal(finding?.severity.score, 9.8);
    assert.equal(finding.severity.severity, 'critical');
    assert.equal(finding.severity.source, 'cvss');
  });

  it('matches 5,000 packages quickly', () => {
    const packages: PackageQuery[] = [];
    for (let i = 0; i < 2500; i++) {
      packages.push({ ecosystem: 'Go', name: fiber, version: `v2.${i % 60}.0` });
      packages.push({ ecosystem: 'PyPI', name: `package-${i}`, version: '1.0' });
    }
    const started = performance.now();
    const result = matchPackages(db, packages);
    // Generous bound for a loaded CI machine; bench/vuln-db.ts measures the real time.
    assert.ok(performance.now() - started < 5000);
    assert.ok(result.findings.length >= 2500);
  });
});

const advisory = (fields: Record<string, unknown>): Record<string, unknown> => ({
  modified: '2024-01-01T00:00:00Z',
  ...fields,
});

describe('matchPackages with crafted advisories', () => {
  let work: string;
  let db: VulnDb;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'cubecape-match-'));
    const range = (fixed: string) => [
      { type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] },
    ];
    const records = [
      advisory({
        id: 'PYSEC-1',
        aliases: ['CVE-2024-1'],
        affected: [{ package: { ecosystem: 'PyPI', name: 'demo' }, ranges: range('2.0') }],
      }),
      advisory({
        id: 'GHSA-aaaa-bbbb-cccc',
        aliases: ['CVE-2024-1'],
        database_specific: { severity: 'MODERATE' },
        affected: [{ package: { ecosystem: 'PyPI', name: 'Demo' }, ranges: range('1.9.5') }],
      }),
      advisory({
        id: 'DSA-1',
        affected: [
          {
            package: { ecosystem: 'Debian:12', name: 'openssl' },
            ranges: range('3.0.11-1~deb12u2'),
          },
          {
            package: { ecosystem: 'Debian:11', name: 'openssl' },
            ranges: range('1.1.1w-0+deb11u1'),
          },
        ],
      }),
      advisory({
        id: 'GIT-1',
        affected: [
          {
            package: { ecosystem: 'npm', name: 'gitty' },
            ranges: [{ type: 'GIT', repo: 'x', events: [{ introduced: 'abc' }] }],
          },
        ],
      }),
      advisory({
        id: 'ECO-SEV-1',
        affected: [
          {
            package: { ecosystem: 'npm', name: 'Sev' },
            versions: ['1.0.0'],
            ecosystem_specific: { severity: 'HIGH' },
          },
        ],
      }),
    ];
    records.forEach((r, i) => {
      writeFileSync(join(work, `r${i}.json`), JSON.stringify(r));
    });
    db = VulnDb.open(':memory:');
    importOsv(db, [work]);
  });
  after(() => {
    db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('merges advisories sharing an alias into one finding', () => {
    const { findings } = matchPackages(db, [{ ecosystem: 'PyPI', name: 'demo', version: '1.5' }]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.id, 'CVE-2024-1');
    assert.deepEqual(findings[0].advisories, ['GHSA-aaaa-bbbb-cccc', 'PYSEC-1']);
    assert.deepEqual(findings[0].fixedVersions, ['1.9.5', '2.0']);
    assert.equal(findings[0].severity.severity, 'medium');
    assert.equal(findings[0].severity.source, 'database');
  });

  it('keeps the advisory that still applies after the other is fixed', () => {
    const { findings } = matchPackages(db, [{ ecosystem: 'PyPI', name: 'demo', version: '1.9.5' }]);
    assert.deepEqual(findings[0]?.advisories, ['PYSEC-1']);
  });

  const distro: readonly (readonly [string, string, number])[] = [
    ['Debian:12', '3.0.11-1~deb12u1', 1],
    ['Debian:12', '3.0.11-1~deb12u2', 0],
    ['Debian:11', '3.0.11-1~deb12u1', 0],
    ['Debian:11', '1.1.1n-0+deb11u5', 1],
    ['Debian:10', '1.1.1n-0', 0],
  ];
  for (const [ecosystem, version, count] of distro) {
    it(`${ecosystem} openssl ${version}: ${count} finding(s)`, () => {
      const { findings } = matchPackages(db, [{ ecosystem, name: 'openssl', version }]);
      assert.equal(findings.length, count);
    });
  }

  it('checks a package without a release against every release, with a note', () => {
    const { findings } = matchPackages(db, [
      { ecosystem: 'Debian', name: 'openssl', version: '1.1.1n-0' },
    ]);
    assert.equal(findings.length, 1);
    assert.ok((findings[0]?.notes.length ?? 0) > 0);
  });

  it('reports GIT-only ranges as unknown with a note', () => {
    const { findings } = matchPackages(db, [{ ecosystem: 'npm', name: 'gitty', version: '1.0.0' }]);
    assert.equal(findings[0]?.status, 'unknown');
    assert.match(findings[0].notes.join(' '), /GIT/);
  });

  it('uses ecosystem_specific severity as a fallback; npm names are case-sensitive', () => {
    const { findings } = matchPackages(db, [
      { ecosystem: 'npm', name: 'Sev', version: '1.0.0' },
      { ecosystem: 'npm', name: 'sev', version: '1.0.0' },
    ]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.severity.severity, 'high');
  });

  const hostile: readonly (readonly [string, unknown])[] = [
    ['null', null],
    ['a number version', { ecosystem: 'npm', name: 'Sev', version: 1 }],
    ['missing name', { ecosystem: 'npm', version: '1.0.0' }],
    ['unknown ecosystem', { ecosystem: 'Nope', name: 'x', version: '1' }],
  ];
  for (const [name, pkg] of hostile) {
    it(`skips ${name}`, () => {
      const result = matchPackages(db, [pkg as PackageQuery]);
      assert.equal(result.findings.length, 0);
      assert.equal(result.skipped.length, 1);
    });
  }

  it('returns nothing for an empty list', () => {
    assert.deepEqual(matchPackages(db, []), { findings: [], skipped: [] });
  });
});
