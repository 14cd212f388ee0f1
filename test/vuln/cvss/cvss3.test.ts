import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cvss3, scoreOsvSeverity, severityForScore } from '../../../src/vuln/cvss/index.js';

// Base scores as published by the CVSS v3.1 calculator / NVD for these vectors.
const SCORED: readonly (readonly [string, number])[] = [
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
  ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
  ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
  ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
  ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', 5.3],
  ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0],
  ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C', 9.8],
];

const INVALID: readonly (readonly [string, unknown])[] = [
  ['empty', ''],
  ['not a string', 42],
  ['null', null],
  ['v2 vector', 'AV:N/AC:L/Au:N/C:P/I:P/A:P'],
  ['v4 vector', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'],
  ['missing metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
  ['repeated metric', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
  ['unknown value', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
  ['unknown metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1'],
  ['garbage part', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/::'],
  ['trailing slash', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/'],
  ['prototype key', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/constructor:X'],
];

describe('cvss3', () => {
  for (const [vector, expected] of SCORED) {
    it(`scores ${vector} as ${expected}`, () => {
      assert.equal(cvss3(vector)?.baseScore, expected);
    });
  }
  for (const [name, vector] of INVALID) {
    it(`rejects ${name}`, () => {
      assert.equal(cvss3(vector as string), undefined);
    });
  }
  it('reports the version', () => {
    assert.equal(cvss3('CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')?.version, '3.0');
  });
});

describe('severityForScore', () => {
  const table: readonly (readonly [number, string])[] = [
    [10, 'critical'],
    [9.0, 'critical'],
    [8.9, 'high'],
    [7.0, 'high'],
    [6.9, 'medium'],
    [4.0, 'medium'],
    [3.9, 'low'],
    [0.1, 'low'],
    [0, 'info'],
  ];
  for (const [score, severity] of table) {
    it(`${score} is ${severity}`, () => {
      assert.equal(severityForScore(score), severity);
    });
  }
});

describe('scoreOsvSeverity', () => {
  it('scores CVSS_V3 entries', () => {
    const scored = scoreOsvSeverity('CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
    assert.equal(scored.score, 9.8);
    assert.equal(scored.severity, 'critical');
  });
  it('keeps other vectors unscored', () => {
    const scored = scoreOsvSeverity('CVSS_V2', 'AV:N/AC:L/Au:N/C:P/I:P/A:P');
    assert.equal(scored.score, undefined);
    assert.equal(scored.vector, 'AV:N/AC:L/Au:N/C:P/I:P/A:P');
  });
  it('leaves a malformed CVSS_V3 vector unscored', () => {
    assert.equal(scoreOsvSeverity('CVSS_V3', 'CVSS:3.1/AV:N').score, undefined);
  });
});
