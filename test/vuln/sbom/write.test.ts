import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReportVulnerability } from '../../../src/report/scan-report.js';
import { readSbom, writeCycloneDx, writeSpdx } from '../../../src/vuln/sbom/index.js';
import { FIXED_STAMP, sampleInventory } from './sample-inventory.js';
import { cyclonedxValidator, spdxValidator } from './schemas.js';

const validateCdx = cyclonedxValidator();
const validateSpdx = spdxValidator();

const VULN: ReportVulnerability = {
  id: 'CVE-2021-23337',
  aliases: ['GHSA-35jh-r3h4-6jhm'],
  package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm', purl: 'pkg:npm/lodash@4.17.20' },
  status: 'suppressed',
  severity: 'high',
  cvss: { version: '3.1', vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', score: 7.2 },
  fixedVersions: ['4.17.21'],
  summary: 'Command injection in lodash <template> & "friends"',
  locations: [{ path: '/app/package-lock.json' }],
  suppression: {
    source: 'vex',
    status: 'not_affected',
    justification: 'vulnerable_code_not_in_execute_path',
    document: 'vex.json',
  },
};

const purls = (inv: { packages: readonly { purl: string }[] }): string[] =>
  [...new Set(inv.packages.map((p) => p.purl))].sort();

describe('CycloneDX 1.6 writer', () => {
  it('validates against the official schema, with and without vulnerabilities', () => {
    const plain = writeCycloneDx(sampleInventory(), { stamp: FIXED_STAMP });
    assert.deepEqual(validateCdx(plain), []);
    const withVulns = writeCycloneDx(sampleInventory(), {
      stamp: FIXED_STAMP,
      vulnerabilities: [VULN, { ...VULN, cvss: { ...VULN.cvss!, version: '4.0' } }],
    });
    assert.deepEqual(validateCdx(withVulns), []);
    const vulns = withVulns['vulnerabilities'] as Record<string, unknown>[];
    assert.equal(vulns.length, 1);
    assert.equal((vulns[0]?.['analysis'] as Record<string, unknown>)['state'], 'not_affected');
    assert.equal((vulns[0]?.['affects'] as unknown[]).length, 2, 'both lodash locations');
  });

  it('is byte-identical for the same input with a fixed stamp, and changes with content', () => {
    const a = JSON.stringify(writeCycloneDx(sampleInventory(), { stamp: FIXED_STAMP }));
    const b = JSON.stringify(writeCycloneDx(sampleInventory(), { stamp: FIXED_STAMP }));
    assert.equal(a, b);
    const other = sampleInventory();
    const changed = JSON.stringify(
      writeCycloneDx({ ...other, packages: other.packages.slice(1) }, { stamp: FIXED_STAMP }),
    );
    const serial = (s: string): unknown =>
      (JSON.parse(s) as Record<string, unknown>)['serialNumber'];
    assert.notEqual(serial(a), serial(changed));
    assert.match(
      String(serial(a)),
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('uses random serial numbers without a fixed stamp', () => {
    const stamp = { ...FIXED_STAMP, reproducible: false };
    const a = writeCycloneDx(sampleInventory(), { stamp });
    const b = writeCycloneDx(sampleInventory(), { stamp });
    assert.notEqual(a['serialNumber'], b['serialNumber']);
  });

  it('gives unique bom-refs, disambiguating a purl found at two places', () => {
    const bom = writeCycloneDx(sampleInventory(), { stamp: FIXED_STAMP });
    const refs = (bom['components'] as Record<string, unknown>[]).map((c) => c['bom-ref']);
    assert.equal(new Set(refs).size, refs.length);
    assert.ok(refs.includes('pkg:npm/lodash@4.17.20#/app/package-lock.json'));
    const deps = bom['dependencies'] as { ref: string; dependsOn: string[] }[];
    const pad = deps.find((d) => d.ref === 'pkg:npm/%40scope/left-pad@1.0.0');
    assert.deepEqual(pad?.dependsOn, ['pkg:npm/lodash@4.17.20#/app/package-lock.json']);
  });

  it('round-trips: Inventory → CycloneDX → Inventory keeps purls, distro, locations and edges', () => {
    const inv = sampleInventory();
    const back = readSbom(JSON.stringify(writeCycloneDx(inv, { stamp: FIXED_STAMP })), 'bom.json');
    assert.deepEqual(purls(back), purls(inv));
    assert.deepEqual(back.distro, { id: 'debian', versionId: '12' });
    const pad = back.packages.find((p) => p.name === '@scope/left-pad');
    assert.deepEqual(pad?.dependsOn, ['pkg:npm/lodash@4.17.20']);
    assert.equal(pad.ecosystem, 'npm');
    const ssl = back.packages.find((p) => p.name === 'openssl');
    assert.deepEqual(ssl?.locations, inv.packages[0]?.locations);
    assert.equal(back.packages.length, inv.packages.length);
  });
});

describe('SPDX 2.3 writer', () => {
  it('validates against the official schema', () => {
    assert.deepEqual(validateSpdx(writeSpdx(sampleInventory(), { stamp: FIXED_STAMP })), []);
  });

  it('has a namespace derived from the content, and is deterministic', () => {
    const a = writeSpdx(sampleInventory(), { stamp: FIXED_STAMP });
    const b = writeSpdx(sampleInventory(), { stamp: { ...FIXED_STAMP, reproducible: false } });
    assert.equal(a['documentNamespace'], b['documentNamespace']);
    assert.equal(
      JSON.stringify(a),
      JSON.stringify(writeSpdx(sampleInventory(), { stamp: FIXED_STAMP })),
    );
    assert.equal((a['creationInfo'] as Record<string, unknown>)['created'], '2024-01-02T03:04:05Z');
    const inv = sampleInventory();
    const c = writeSpdx({ ...inv, packages: inv.packages.slice(2) }, { stamp: FIXED_STAMP });
    assert.notEqual(a['documentNamespace'], c['documentNamespace']);
  });

  it('records DESCRIBES, CONTAINS and DEPENDS_ON relationships', () => {
    const doc = writeSpdx(sampleInventory(), { stamp: FIXED_STAMP });
    const types = (doc['relationships'] as { relationshipType: string }[]).map(
      (r) => r.relationshipType,
    );
    assert.equal(types.filter((t) => t === 'DESCRIBES').length, 1);
    assert.equal(types.filter((t) => t === 'CONTAINS').length, 8);
    assert.equal(types.filter((t) => t === 'DEPENDS_ON').length, 1);
    const ids = (doc['packages'] as { SPDXID: string }[]).map((p) => p.SPDXID);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('round-trips: Inventory → SPDX → Inventory keeps purls, distro and locations', () => {
    const inv = sampleInventory();
    const back = readSbom(JSON.stringify(writeSpdx(inv, { stamp: FIXED_STAMP })), 'sbom.spdx.json');
    assert.deepEqual(purls(back), purls(inv));
    assert.deepEqual(back.distro, { id: 'debian', versionId: '12' });
    assert.deepEqual(
      back.packages.find((p) => p.name === 'openssl')?.locations,
      inv.packages[0]?.locations,
    );
    assert.deepEqual(back.packages.find((p) => p.name === '@scope/left-pad')?.dependsOn, [
      'pkg:npm/lodash@4.17.20',
    ]);
  });
});
