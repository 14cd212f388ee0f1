// Differential test of our Go module version order against golang.org/x/mod/semver, the package
// the go command uses. OSV's Go data drops the leading `v` that x/mod/semver requires, so every
// version goes to the oracle with a `v` in front when it has none.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { goScheme, semverScheme } from '../../../src/vuln/version/semver.js';
import type { VersionScheme } from '../../../src/vuln/version/scheme.js';
import { goOracle, type GoAnswer } from './go-oracle.js';
import { agreement, generatePairs, pick, seededRandom } from './oracle.js';
import { realPairs } from './real-versions.js';

const toGo = (v: string): string => (v.startsWith('v') ? v : `v${v}`);

// Each is a real-world shape: pseudo-versions in all three forms, +incompatible, shorthands.
const HAND: readonly (readonly [string, string])[] = [
  ['v0.0.0-20191109021931-daa7c04131f5', 'v0.0.0-20200101000000-abcdefabcdef'],
  ['v1.2.3-pre.0.20191109021931-daa7c04131f5', 'v1.2.3-pre'],
  ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3'],
  ['v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4-alpha'],
  ['v2.0.0+incompatible', 'v2.0.0'],
  ['v2.0.0+incompatible', 'v2.0.1+incompatible'],
  ['2.2.5-rc6.0.20190621200032-0ddffe484adc+incompatible', '2.2.5-rc6'],
  ['1.18.0-0', '1.18.0-rc1'],
  ['v1', 'v1.0.0'],
  ['v1.2', 'v1.2.0-rc.1'],
  ['v1.0.0-rc.1', 'v1.0.0-rc.1.0'],
  ['v1.0.0-1', 'v1.0.0-a'],
  ['v1.0.0-2', 'v1.0.0-10'],
  ['v1.0.0--', 'v1.0.0-0'],
  ['v99999999999999999999.0.0', 'v100000000000000000000.0.0'],
];

const random = seededRandom(0x60);
const NUM = ['0', '1', '2', '10', '0', '1', '3', '01', '18446744073709551616'];
const PRE = ['alpha', 'beta', 'rc', 'rc1', 'pre', '0', '1', '2', '11', '01', 'x-y', '-', 'RC'];
const STAMPS = ['20191109021931', '20191109021932', '20200101000000', '20230615120000'];
const HASHES = ['daa7c04131f5', 'abcdefabcdef', '0ddffe484adc'];

function pseudo(): string {
  const tail = `${pick(random, STAMPS)}-${pick(random, HASHES)}`;
  const kind = random();
  if (kind < 0.4) return `v${pick(random, ['0', '1', '2'])}.0.0-${tail}`;
  const base = `v${pick(random, ['0', '1'])}.${pick(random, ['0', '2'])}.${pick(random, ['1', '3'])}`;
  return kind < 0.7 ? `${base}-0.${tail}` : `${base}-${pick(random, PRE)}.0.${tail}`;
}

function makeVersion(): string {
  let v: string;
  const kind = random();
  if (kind < 0.25) v = pseudo();
  else if (kind < 0.35) v = `v${pick(random, NUM)}${random() < 0.5 ? `.${pick(random, NUM)}` : ''}`;
  else {
    v = `v${pick(random, NUM)}.${pick(random, NUM)}.${pick(random, NUM)}`;
    if (random() < 0.5) {
      const count = 1 + Math.floor(random() * 3);
      v += `-${Array.from({ length: count }, () => pick(random, PRE)).join('.')}`;
    }
  }
  if (random() < 0.2)
    v += pick(random, ['+incompatible', '+incompatible', '+build.1', '+x..y', '+']);
  // OSV's Go data has no `v`; our parser must accept that spelling too.
  return random() < 0.3 ? v.slice(1) : v;
}

function mutate(v: string): string {
  const r = random();
  if (r < 0.5) return v + pick(random, ['.1', '-0', '.0', '-pre', '0', '+incompatible', '-1']);
  if (r < 0.7) return v.replace(/\d(?=\d{0,5}-[0-9a-f]{12})/, () => pick(random, ['0', '1', '9']));
  return v.slice(0, -1);
}

interface Tally {
  readonly compared: number;
  readonly wrong: string[];
}

/**
 * Where our scheme accepts both sides, x/mod/semver must accept them too (we never invent an
 * order Go would refuse) and order them the same way.
 */
function check(
  scheme: VersionScheme,
  pairs: readonly (readonly [string, string])[],
  answers: readonly GoAnswer[],
): Tally {
  const wrong: string[] = [];
  let compared = 0;
  pairs.forEach(([a, b], i) => {
    const answer = answers[i];
    if (answer === undefined || !scheme.isValid(a) || !scheme.isValid(b)) return;
    compared++;
    if (!answer.validA || !answer.validB) wrong.push(`${a} vs ${b}: Go rejects a side we accept`);
    else if (scheme.compare(a, b) !== answer.order)
      wrong.push(`${a} vs ${b}: ours ${scheme.compare(a, b)}, Go ${answer.order}`);
  });
  return { compared, wrong };
}

describe('Go module versions vs golang.org/x/mod/semver', () => {
  it('agree on hand cases, generated and real (Go vulndb) pairs', (t) => {
    const generated = generatePairs(random, 5000, makeVersion, mutate, (v) => goScheme.isValid(v));
    const real = realPairs(goScheme, seededRandom(0x6017), 10_000);
    const pairs = [...HAND, ...generated, ...real];
    const answers = goOracle(pairs.map(([a, b]) => [toGo(a), toGo(b)] as const));

    const go = check(goScheme, pairs, answers);
    // OSV SEMVER ranges in Go advisories are evaluated with the generic SemVer scheme.
    const ranges = check(semverScheme, pairs, answers);
    const counts = { generated: generated.length, real: real.length, hand: HAND.length };
    t.diagnostic(agreement('go', go.compared, go.wrong.length, counts));
    t.diagnostic(
      `go oracle (SEMVER ranges): ${ranges.compared - ranges.wrong.length}/${ranges.compared} pairs agree`,
    );
    assert.ok(generated.length >= 2000, `only ${generated.length} generated pairs`);
    assert.ok(real.length >= 2000, `only ${real.length} real pairs`);
    assert.deepEqual(
      new Set(answers.map((a) => a.order)),
      new Set([-1, 0, 1]),
      'the oracle should see all three outcomes',
    );
    assert.deepEqual(go.wrong, []);
    assert.deepEqual(ranges.wrong, []);
  });

  it('accepts exactly what x/mod/semver accepts, for v-prefixed versions', () => {
    const versions = [
      ...Array.from({ length: 1500 }, () => toGo(mutate(makeVersion()))),
      'v1.2.3.4',
      'v01.2.3',
      'v1.2-pre',
      'v',
      'v1.2.3-01',
      'v1.2.3+',
      'v1.2.3-',
      'v1..2',
      'vv1.0.0',
      'v1.0.0-a..b',
      'v1.0.0+a_b',
    ];
    const answers = goOracle(versions.map((v) => [v, v] as const));
    const wrong = versions.filter((v, i) => goScheme.isValid(v) !== answers[i]?.validA);
    assert.deepEqual(wrong, []);
    const validCount = answers.filter((a) => a.validA).length;
    assert.ok(validCount > 300 && validCount < versions.length - 100, `${validCount} valid`);
  });
});
