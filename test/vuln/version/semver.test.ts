import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import semver from 'semver';

import { isCubecapeError } from '../../../src/core/errors.js';
import {
  cratesScheme,
  goScheme,
  npmScheme,
  semverScheme,
} from '../../../src/vuln/version/semver.js';
import { generatePairs, pick, seededRandom } from './oracle.js';

// SemVer 2.0 spec item 11's example, in ascending order.
const SPEC_ORDER = [
  '1.0.0-alpha',
  '1.0.0-alpha.1',
  '1.0.0-alpha.beta',
  '1.0.0-beta',
  '1.0.0-beta.2',
  '1.0.0-beta.11',
  '1.0.0-rc.1',
  '1.0.0',
  '1.0.1',
  '1.1.0',
  '2.0.0',
];

// Go module reference: pseudo-versions sort by commit time and below the release they precede;
// +incompatible is build metadata.
const GO_ORDER = [
  'v0.0.0-20191109021931-daa7c04131f5',
  'v0.0.0-20200101000000-abcdefabcdef',
  'v0.0.1',
  'v1.2.3-pre',
  'v1.2.3-pre.0.20191109021931-daa7c04131f5',
  'v1.2.3',
  'v1.2.4-0.20191109021931-daa7c04131f5',
  'v1.2.4',
  'v2.0.0+incompatible',
  'v2.0.1+incompatible',
  'v2.1.0',
];

const random = seededRandom(0x5e3);
// Mostly well-formed parts, with a few that npm must reject (leading zeros, unsafe integers).
const NUM = ['0', '1', '2', '10', '0', '1', '2', '3', '01', '9007199254740992'];
const PRE = [
  'alpha',
  'beta',
  'rc',
  '0',
  '1',
  '11',
  'x-y',
  'RC',
  '-',
  'a1',
  'alpha',
  'beta',
  '2',
  '01',
];

function makeVersion(): string {
  let v = `${pick(random, ['', '', '', '', '', '', 'v', 'V', '=', ' '])}${pick(random, NUM)}.${pick(random, NUM)}.${pick(random, NUM)}`;
  if (random() < 0.5)
    v += `-${Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, PRE)).join('.')}`;
  if (random() < 0.2) v += `+${pick(random, ['build', '1', 'sha.5114f85', 'x..y', '001'])}`;
  return v;
}

function mutate(v: string): string {
  return random() < 0.6 ? v + pick(random, ['.1', '-1', '.alpha', '0', '+b']) : v.slice(0, -1);
}

describe('semver schemes', () => {
  SPEC_ORDER.slice(1).forEach((b, i) => {
    const a = SPEC_ORDER[i] ?? '';
    it(`orders ${a} < ${b} (SemVer spec)`, () => {
      for (const scheme of [npmScheme, cratesScheme, semverScheme, goScheme]) {
        assert.equal(scheme.compare(a, b), -1, scheme.name);
        assert.equal(scheme.compare(b, a), 1, scheme.name);
      }
    });
  });

  it('ignores build metadata', () => {
    assert.equal(semverScheme.compare('1.0.0+build.1', '1.0.0+build.2'), 0);
    assert.equal(cratesScheme.compare('1.0.0+x', '1.0.0'), 0);
  });

  it('agrees with the semver package (validity and order) on 1500 generated pairs', () => {
    const pairs = generatePairs(random, 1500, makeVersion, mutate, () => true);
    const wrongValidity: string[] = [];
    const wrongOrder: string[] = [];
    for (const [a, b] of pairs) {
      for (const v of [a, b]) {
        if (npmScheme.isValid(v) !== (semver.valid(v) !== null)) wrongValidity.push(v);
      }
      if (semver.valid(a) !== null && semver.valid(b) !== null) {
        const ours = npmScheme.compare(a, b);
        if (ours !== semver.compare(a, b)) wrongOrder.push(`${a} vs ${b}: ours ${ours}`);
      }
    }
    assert.deepEqual(wrongValidity, []);
    assert.deepEqual(wrongOrder, []);
    const valid = pairs.filter(([a, b]) => semver.valid(a) !== null && semver.valid(b) !== null);
    assert.ok(valid.length > 250, `only ${valid.length} valid pairs; the generator needs tuning`);
  });

  GO_ORDER.slice(1).forEach((b, i) => {
    const a = GO_ORDER[i] ?? '';
    it(`orders Go ${a} < ${b}`, () => {
      assert.equal(goScheme.compare(a, b), -1);
      assert.equal(goScheme.compare(b, a), 1);
    });
  });

  it('handles Go shorthands, +incompatible and OSV versions without v', () => {
    assert.equal(goScheme.compare('v1', 'v1.0.0'), 0);
    assert.equal(goScheme.compare('v1.2', 'v1.2.0'), 0);
    assert.equal(goScheme.compare('v2.0.0+incompatible', 'v2.0.0'), 0);
    assert.equal(goScheme.compare('1.20.5', 'v1.20.5'), 0);
    for (const bad of ['v1.2.3.4', 'v01.2.3', 'v1.2-pre', '1.2', 'v', '', 'latest', 'v1.2.3-01']) {
      assert.equal(goScheme.isValid(bad), false, bad);
    }
  });

  it('keeps crates.io strict and SEMVER ranges tolerant of a leading v only', () => {
    for (const bad of ['v1.0.0', '1.0', '01.0.0', '1.0.0-', '1.0.0+', ' 1.0.0']) {
      assert.equal(cratesScheme.isValid(bad), false, bad);
    }
    assert.equal(semverScheme.compare('v1.2.3', '1.2.3'), 0);
    assert.equal(semverScheme.isValid('V1.2.3'), false);
  });

  it('throws INVALID_VERSION on hostile input', () => {
    for (const scheme of [npmScheme, cratesScheme, semverScheme, goScheme]) {
      for (const bad of ['', 'x', null, undefined, 1, [], '1.0.0'.repeat(100)] as unknown[]) {
        assert.throws(
          () => scheme.compare(bad as string, '1.0.0'),
          (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
          `${scheme.name} ${String(bad)}`,
        );
      }
    }
  });
});
