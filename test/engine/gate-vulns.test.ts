import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXIT, judge } from '../../src/engine/gate.js';
import type { ReportVulnerability, ScanReport } from '../../src/report/scan-report.js';
import { cleanReport } from '../report/sample-report.js';

function vuln(overrides: Partial<ReportVulnerability>): ReportVulnerability {
  return {
    id: 'CVE-2021-23337',
    aliases: [],
    package: { name: 'lodash', version: '4.17.20', ecosystem: 'npm' },
    status: 'affected',
    severity: 'high',
    fixedVersions: ['4.17.21'],
    locations: [{ path: '/app/node_modules/lodash/package.json' }],
    image: 'registry.example.com/app:1',
    workloads: ['apps/Deployment/prod/web'],
    ...overrides,
  };
}

/** A clean config scan with image vulnerabilities (`scan --images`). */
function withVulns(vulns: readonly ReportVulnerability[]): ScanReport {
  return { ...cleanReport(), vulnerabilities: vulns };
}

describe('judge: vulnerabilities of scan --images', () => {
  const gate = { failOn: 'high', allowIncomplete: false } as const;
  const cases: readonly [string, readonly ReportVulnerability[], number][] = [
    ['a high finding fails --fail-on high', [vuln({})], EXIT.GATE_FAILED],
    ['a medium finding passes --fail-on high', [vuln({ severity: 'medium' })], EXIT.OK],
    ['a finding without a severity is not counted', [vuln({ severity: 'unknown' })], EXIT.OK],
    ['a VEX-suppressed finding is not counted', [vuln({ status: 'suppressed' })], EXIT.OK],
    [
      'an `unknown` status still counts',
      [vuln({ status: 'unknown', severity: 'critical' })],
      EXIT.GATE_FAILED,
    ],
    ['no findings pass', [], EXIT.OK],
  ];
  for (const [name, vulns, code] of cases) {
    it(name, () => {
      assert.equal(judge(withVulns(vulns), gate).code, code);
    });
  }
  it('says how many and at what threshold', () => {
    const verdict = judge(withVulns([vuln({}), vuln({ id: 'CVE-2', severity: 'critical' })]), gate);
    assert.deepEqual(verdict.reasons, [
      '2 vulnerabilities in images at or above high severity (--fail-on high)',
    ]);
    const one = judge(withVulns([vuln({})]), gate);
    assert.deepEqual(one.reasons, [
      '1 vulnerability in images at or above high severity (--fail-on high)',
    ]);
  });
  it('--fail-on none ignores them; --fail-on-new does not narrow them (they have no baseline)', () => {
    assert.equal(judge(withVulns([vuln({})]), { ...gate, failOn: 'none' }).code, EXIT.OK);
    assert.equal(judge(withVulns([vuln({})]), { ...gate, newOnly: true }).code, EXIT.GATE_FAILED);
  });
});
