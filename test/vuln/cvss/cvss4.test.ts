import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cvss4, scoreOsvSeverity } from '../../../src/vuln/cvss/index.js';
import { severityOf } from '../../../src/vuln/match/index.js';

// Base scores as published by FIRST's calculator and by GitHub/NVD for these vectors.
const BASE = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N';
const cases: [string, string, number, string][] = [
  [
    'network, all high on the vulnerable system',
    `${BASE}/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N`,
    9.3,
    '000200',
  ],
  ['all high on both systems', `${BASE}/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H`, 10, '000100'],
  ['availability only (denial of service)', `${BASE}/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N`, 8.7, '001200'],
  ['low confidentiality only', `${BASE}/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N`, 6.9, '002201'],
  [
    'local, low privileges, all high',
    'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    8.5,
    '100200',
  ],
  [
    'network, low privileges, all high',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
    8.7,
    '100200',
  ],
  [
    'stored XSS (active user interaction, subsequent system low)',
    'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N',
    5.1,
    '102201',
  ],
  ['no impact at all', `${BASE}/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N`, 0, '002201'],
];

describe('CVSS 4.0 base scores', () => {
  for (const [name, vector, score, macro] of cases)
    it(name, () => {
      assert.deepEqual(cvss4(vector), { score, macroVector: macro });
    });

  it('applies environmental and threat metrics (safety impact raises the class)', () => {
    const safety = cvss4(`${BASE}/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S`);
    assert.equal(safety?.macroVector, '000000');
    assert.equal(safety.score, 10);
    const unreported = cvss4(`${BASE}/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U`);
    assert.equal(unreported?.macroVector, '000220');
    assert.ok(unreported.score < 9.3);
  });

  const malformed: [string, string][] = [
    ['wrong prefix', 'CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
    ['missing base metric', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N'],
    ['unknown value', `${BASE}/VC:Z/VI:H/VA:H/SC:N/SI:N/SA:N`],
    ['duplicate metric', `${BASE}/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/SA:N`],
    ['unknown metric', `${BASE}/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:A`],
    ['empty', ''],
  ];
  for (const [name, vector] of malformed)
    it(`rejects: ${name}`, () => {
      assert.equal(cvss4(vector), undefined);
    });

  it('scoreOsvSeverity scores CVSS_V4 entries and rates them', () => {
    assert.deepEqual(scoreOsvSeverity('CVSS_V4', `${BASE}/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N`), {
      type: 'CVSS_V4',
      vector: `${BASE}/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N`,
      score: 8.7,
      severity: 'high',
    });
    assert.deepEqual(scoreOsvSeverity('CVSS_V4', 'nonsense'), {
      type: 'CVSS_V4',
      vector: 'nonsense',
    });
  });
});

describe('severity of advisories with CVSS 4.0 vectors', () => {
  const v4 = { type: 'CVSS_V4', score: `${BASE}/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N` };
  const v3 = { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N' };

  it('rates an advisory that has only a v4 vector from it', () => {
    const rated = severityOf([{ id: 'GHSA-x', severity: [v4] }], []);
    assert.equal(rated.severity, 'high');
    assert.equal(rated.score, 8.7);
    assert.equal(rated.source, 'cvss');
  });

  it('prefers the v3 score when both are given', () => {
    const rated = severityOf([{ id: 'GHSA-x', severity: [v4, v3] }], []);
    assert.equal(rated.score, 5.3);
    assert.equal(rated.severity, 'medium');
  });
});
