import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import { apkScheme } from '../../../src/vuln/version/apk.js';

// No apk-tools build exists for Debian, so there is no oracle to run: the cases come from
// apk-tools' own test data (see the fixture's header).
const ORDER = { '<': -1, '=': 0, '>': 1 } as const;

function loadCases(): [string, keyof typeof ORDER, string][] {
  const text = readFileSync(new URL('fixtures/apk-version-cases.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [a, op, b] = line.trim().split(/\s+/);
      if (a === undefined || b === undefined || (op !== '<' && op !== '=' && op !== '>')) {
        throw new Error(`bad fixture line ${JSON.stringify(line)}`);
      }
      return [a, op, b];
    });
}

const SUFFIX_CHAIN = [
  '1.0_alpha',
  '1.0_alpha1',
  '1.0_beta',
  '1.0_pre',
  '1.0_rc',
  '1.0_rc2',
  '1.0',
  '1.0-r1',
  '1.0_cvs',
  '1.0_svn',
  '1.0_git',
  '1.0_hg',
  '1.0_p',
  '1.0_p1',
  '1.0_p1-r3',
  '1.0_p1~0a1b-r3',
  '1.0a',
  '1.0b',
  '1.0.0',
  '1.0.1',
  '1.01',
  '1.1',
];

describe('apk scheme', () => {
  const cases = loadCases();
  it('has the apk-tools test cases loaded', () => {
    assert.ok(cases.length >= 80);
  });

  for (const [a, op, b] of cases) {
    it(`orders ${a} ${op} ${b} (apk-tools test data)`, () => {
      assert.equal(apkScheme.compare(a, b), ORDER[op]);
      assert.equal(apkScheme.compare(b, a), -ORDER[op] || 0);
    });
  }

  it('orders pre-release suffixes < release < revision < post-release suffixes', () => {
    for (let i = 1; i < SUFFIX_CHAIN.length; i++) {
      const a = SUFFIX_CHAIN[i - 1] ?? '';
      const b = SUFFIX_CHAIN[i] ?? '';
      assert.equal(apkScheme.compare(a, b), -1, `${a} < ${b}`);
    }
  });

  it('treats a leading-zero component like a decimal fraction', () => {
    assert.equal(apkScheme.compare('1.01', '1.1'), -1);
    assert.equal(apkScheme.compare('1.001', '1.01'), -1);
    assert.equal(apkScheme.compare('1.010', '1.01'), 1);
  });

  it('rejects what apk version --check rejects (the data file marks 1.0bc and 23_foo as invalid)', () => {
    for (const bad of [
      '1.0bc',
      '23_foo',
      '',
      'abc',
      '1.0-r1a',
      '1.0_alpha-r1-r2',
      '1.0-x1',
      '1.0 ',
      '1..0',
      '1.0_rc1a',
      '1.0b1',
      '1.0-r',
      '1.0~',
      '1.0~xyz',
      '1.0_RC1',
      '.1',
      'v1.0',
      null,
      5,
    ]) {
      assert.equal(apkScheme.isValid(bad as string), false, JSON.stringify(bad));
      assert.throws(
        () => apkScheme.compare(bad as string, '1.0'),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
    }
    for (const good of [
      '1.0',
      '1.0-r0',
      '1.2.3a_rc1_p2-r4',
      '20230101',
      '1.0_git20230101-r1',
      '1.0~c0ffee-r2',
    ]) {
      assert.equal(apkScheme.isValid(good), true, good);
    }
  });
});
