import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import type { ReportVulnerability } from '../../../src/report/scan-report.js';
import { applyVex, parseOpenVex, purlMatches } from '../../../src/vuln/vex/index.js';

const finding: ReportVulnerability = {
  id: 'CVE-2021-23337',
  aliases: ['GHSA-35jh-r3h4-6jhm'],
  package: {
    name: 'lodash',
    version: '4.17.20',
    ecosystem: 'npm',
    purl: 'pkg:npm/lodash@4.17.20?arch=x86_64',
  },
  status: 'affected',
  severity: 'high',
  fixedVersions: ['4.17.21'],
  locations: [],
};

const doc = (statements: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ '@context': 'https://openvex.dev/ns/v0.2.0', statements, ...extra });

describe('OpenVEX product matching (purl)', () => {
  const cases: [string, string, string, boolean][] = [
    ['same purl', 'pkg:npm/lodash@4.17.20', 'pkg:npm/lodash@4.17.20', true],
    ['no version matches any version', 'pkg:npm/lodash', 'pkg:npm/lodash@4.17.20', true],
    ['other version', 'pkg:npm/lodash@4.17.21', 'pkg:npm/lodash@4.17.20', false],
    ['other name', 'pkg:npm/underscore', 'pkg:npm/lodash@4.17.20', false],
    [
      'qualifier absent in product matches',
      'pkg:npm/lodash@4.17.20',
      'pkg:npm/lodash@4.17.20?arch=x',
      true,
    ],
    ['qualifier given must match', 'pkg:npm/lodash?arch=y', 'pkg:npm/lodash@4.17.20?arch=x', false],
    ['qualifier given and equal', 'pkg:npm/lodash?arch=x', 'pkg:npm/lodash@4.17.20?arch=x', true],
    ['encoded scope', 'pkg:npm/%40scope/a', 'pkg:npm/@scope/a@1.0.0', true],
    ['not a purl', 'lodash', 'pkg:npm/lodash@4.17.20', false],
  ];
  for (const [name, product, purl, expected] of cases)
    it(name, () => {
      assert.equal(purlMatches(product, purl), expected);
    });
});

describe('applyVex', () => {
  it('suppresses by alias and keeps the justification (v0.2.0 shape)', () => {
    const vex = parseOpenVex(
      doc([
        {
          vulnerability: { name: 'GHSA-35jh-r3h4-6jhm' },
          products: [{ '@id': 'pkg:npm/lodash' }],
          status: 'not_affected',
          justification: 'vulnerable_code_not_present',
          impact_statement: 'tree-shaken <away>',
        },
      ]),
      'a.vex.json',
    );
    const [out] = applyVex([finding], [vex]);
    assert.equal(out?.status, 'suppressed');
    assert.deepEqual(out.suppression, {
      source: 'vex',
      status: 'not_affected',
      justification: 'vulnerable_code_not_present',
      statement: 'tree-shaken <away>',
      document: 'a.vex.json',
    });
  });

  it('reads the v0.0.1 shape (string vulnerability and products, statement subcomponents)', () => {
    const vex = parseOpenVex(
      doc([
        {
          vulnerability: 'CVE-2021-23337',
          products: ['example.com/app:1.0'],
          subcomponents: ['pkg:npm/lodash@4.17.20'],
          status: 'fixed',
        },
      ]),
      'old.json',
    );
    const target = { kind: 'registry' as const, ref: 'example.com/app:1.0' };
    assert.equal(applyVex([finding], [vex], target)[0]?.status, 'suppressed');
    assert.equal(applyVex([finding], [vex], { ...target, ref: 'other:1' })[0]?.status, 'affected');
  });

  it('the latest statement wins: affected after not_affected un-suppresses', () => {
    const vex = parseOpenVex(
      doc([
        {
          vulnerability: { name: 'CVE-2021-23337' },
          products: [{ '@id': 'pkg:npm/lodash' }],
          status: 'not_affected',
          justification: 'component_not_present',
          timestamp: '2024-01-01T00:00:00Z',
        },
        {
          vulnerability: { name: 'CVE-2021-23337' },
          products: [{ '@id': 'pkg:npm/lodash' }],
          status: 'affected',
          timestamp: '2024-02-01T00:00:00Z',
        },
      ]),
      'b.json',
    );
    assert.equal(applyVex([finding], [vex])[0]?.status, 'affected');
  });

  it('under_investigation and other vulnerabilities leave the finding counted', () => {
    const vex = parseOpenVex(
      doc([
        {
          vulnerability: { name: 'CVE-2021-23337' },
          products: ['pkg:npm/lodash'],
          status: 'under_investigation',
        },
        {
          vulnerability: { name: 'CVE-1999-0001' },
          products: ['pkg:npm/lodash'],
          status: 'fixed',
        },
      ]),
      'c.json',
    );
    assert.equal(applyVex([finding], [vex])[0]?.status, 'affected');
  });
});

describe('parseOpenVex rejects bad documents with VEX_INVALID naming the statement', () => {
  const bad: [string, string, RegExp][] = [
    ['no context', JSON.stringify({ statements: [] }), /@context/],
    ['statements not an array', doc([]).replace('[]', '{}'), /statements/],
    [
      'unknown status',
      doc([{ vulnerability: 'X', products: ['p'], status: 'maybe' }]),
      /statements\[0\]\.status/,
    ],
    [
      'not_affected without justification',
      doc([{ vulnerability: 'X', products: ['p'], status: 'not_affected' }]),
      /justification/,
    ],
    [
      'bad justification',
      doc([
        { vulnerability: 'X', products: ['p'], status: 'not_affected', justification: 'because' },
      ]),
      /justification/,
    ],
    ['no products', doc([{ vulnerability: 'X', products: [], status: 'fixed' }]), /products/],
    ['no vulnerability', doc([{ products: ['p'], status: 'fixed' }]), /vulnerability/],
    ['null statement', doc([null]), /statements\[0\]/],
  ];
  for (const [name, text, message] of bad)
    it(name, () => {
      assert.throws(
        () => parseOpenVex(text, 'bad.json'),
        (error: unknown) =>
          isCubecapeError(error) &&
          error.code === 'VEX_INVALID' &&
          error.file === 'bad.json' &&
          message.test(error.message),
      );
    });
  it('malformed JSON is JSON_SYNTAX', () => {
    assert.throws(
      () => parseOpenVex('{', 'x.json'),
      (error: unknown) => isCubecapeError(error) && error.code === 'JSON_SYNTAX',
    );
  });
});
