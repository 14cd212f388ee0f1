import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import { mavenScheme, parseMaven } from '../../../src/vuln/version/maven.js';
import { agreement, generatePairs, mismatches, pick, runTool, seededRandom } from './oracle.js';
import { realPairs } from './real-versions.js';

const JAR = '/usr/share/maven/lib/maven-artifact-3.x.jar';
const INSTALL =
  'apt-get install -y maven default-jre-headless (provides java and maven-artifact-3.x.jar)';
const ORDER = { '<': -1, '=': 0, '>': 1 } as const;

const HAND: readonly (readonly [string, keyof typeof ORDER, string])[] = [
  ['1', '=', '1.0'],
  ['1', '=', '1.0.0'],
  ['1', '=', '1-0'],
  ['1.0.0.0.0', '=', '1'],
  ['1-SNAPSHOT', '<', '1'],
  ['1.0-alpha-1', '<', '1.0-beta-1'],
  ['1.0-alpha1', '=', '1.0-a1'],
  ['1.0-b1', '=', '1.0-beta-1'],
  ['1.0-m1', '=', '1.0-milestone-1'],
  ['1.0-rc1', '=', '1.0-cr1'],
  ['1.0-RC1', '=', '1.0-rc1'],
  ['1.0-rc1', '<', '1.0-SNAPSHOT'],
  ['1.0-SNAPSHOT', '<', '1.0'],
  ['1.0', '=', '1.0-ga'],
  ['1.0', '=', '1.0.Final'],
  ['1.0', '=', '1.0.RELEASE'],
  ['1.0', '<', '1.0-sp'],
  ['1.0-sp', '<', '1.0-foo'],
  ['1.0-foo', '<', '1.0-1'],
  ['1.0-1', '<', '1.0.1'],
  ['1-1', '<', '1.1'],
  ['31.1', '<', '31.1-jre'],
  ['31.1-android', '<', '31.1-jre'],
  ['1.0a', '=', '1.0-a'],
  ['1.0-a', '>', '1.0-a1'],
  ['10.jre', '>', '10.jre-sp'],
  ['2.alpha', '<', '2.alpha1'],
  ['1-final.final.2', '<', '1-2'],
  ['0-0', '<', '0-0.1'],
  ['1-ga.2', '>', '1'],
  ['9-rc.beta', '>', '9-rc.beta.1'],
  ['2.12.7.1', '>', '2.12.7'],
  ['5.3.18', '<', '5.3.20'],
  ['1.0.0-M1', '<', '1.0.0-RC1'],
  ['99999999999999999999', '<', '100000000000000000000'],
  ['1.0-alpha', '<', '1.0-alpha-1'],
];

/**
 * Maven's `ComparableVersion` main compares each argument with the next one and prints
 * `   A < B`; we pass a1 b1 a2 b2 ... and read every other comparison.
 */
function mavenOrder(pairs: readonly (readonly [string, string])[]): number[] {
  if (!existsSync(JAR)) throw new Error(`oracle jar ${JAR} is missing; install it: ${INSTALL}`);
  const args = pairs.flatMap(([a, b]) => [a, b]);
  const out = runTool(
    'java',
    ['-cp', JAR, 'org.apache.maven.artifact.versioning.ComparableVersion', ...args],
    INSTALL,
  );
  const lines = out.split('\n').filter((l) => l.startsWith('   '));
  return pairs.map(([a, b], i) => {
    const line = lines[2 * i] ?? '';
    const prefix = `   ${a} `;
    const suffix = ` ${b}`;
    const op =
      line.startsWith(prefix) && line.endsWith(suffix)
        ? line.slice(prefix.length, -suffix.length)
        : '';
    if (op !== '<' && op !== '==' && op !== '>')
      throw new Error(`unexpected oracle line ${JSON.stringify(line)}`);
    return op === '<' ? -1 : op === '>' ? 1 : 0;
  });
}

const random = seededRandom(0x3a7e);
const NUMBERS = ['0', '1', '2', '10', '01', '9'];
const WORDS = [
  'alpha',
  'a',
  'beta',
  'B',
  'milestone',
  'm',
  'rc',
  'CR',
  'snapshot',
  'SNAPSHOT',
  'ga',
  'final',
  'Final',
  'release',
  'sp',
  'foo',
  'jre',
  'android',
  'x',
];

function makeVersion(): string {
  let v = pick(random, NUMBERS);
  const count = Math.floor(random() * 6);
  for (let i = 0; i < count; i++) {
    v +=
      pick(random, ['.', '-', '', '.', '-']) +
      (random() < 0.5 ? pick(random, NUMBERS) : pick(random, WORDS));
  }
  return v;
}

function mutate(version: string): string {
  const tail = pick(random, [
    '.0',
    '-0',
    '-SNAPSHOT',
    '.1',
    '-1',
    'a',
    '-sp',
    '-ga',
    '.final',
    '-rc1',
    '1',
  ]);
  return random() < 0.7 ? version + tail : version.slice(0, -1);
}

describe('maven scheme', () => {
  it('builds nested lists at - and at digit/letter switches, dropping null items', () => {
    assert.deepEqual(parseMaven('1.0-rc1'), {
      type: 'list',
      items: [
        { type: 'int', digits: '1' },
        {
          type: 'list',
          items: [
            { type: 'string', value: 'rc' },
            { type: 'list', items: [{ type: 'int', digits: '1' }] },
          ],
        },
      ],
    });
    assert.deepEqual(parseMaven('1.0.0.Final'), {
      type: 'list',
      items: [{ type: 'int', digits: '1' }],
    });
  });

  for (const [a, op, b] of HAND) {
    it(`orders ${a} ${op} ${b}`, () => {
      assert.equal(mavenScheme.compare(a, b), ORDER[op]);
      assert.equal(mavenScheme.compare(b, a), -ORDER[op] || 0);
    });
  }

  it('agrees with Maven ComparableVersion (maven-artifact 3.8) on hand, 5000 generated and real (lockfile, pom, SBOM) pairs', (t) => {
    const hand = HAND.map(([a, , b]) => [a, b] as const);
    const generated = generatePairs(random, 5000, makeVersion, mutate, (v) =>
      mavenScheme.isValid(v),
    );
    // ComparableVersion's main prints each argument on a line, so keep whitespace out.
    const real = realPairs(mavenScheme, seededRandom(0x3a7f)).filter(([a, b]) => !/\s/.test(a + b));
    const pairs = [...hand, ...generated, ...real];
    const expected = mavenOrder(pairs);
    assert.deepEqual(
      new Set(expected),
      new Set([-1, 0, 1]),
      'the oracle should see all three outcomes',
    );
    const wrong = mismatches(mavenScheme, pairs, expected);
    const counts = { generated: generated.length, real: real.length, hand: hand.length };
    t.diagnostic(agreement('maven', pairs.length, wrong.length, counts));
    assert.ok(generated.length >= 2000, `only ${generated.length} pairs generated`);
    assert.ok(real.length >= 1000, `only ${real.length} real pairs`);
    assert.deepEqual(wrong, []);
  });

  it('rejects only blank or non-string versions', () => {
    assert.equal(mavenScheme.isValid('anything at all'), true);
    for (const bad of ['', '   ', null, undefined, 3] as unknown[]) {
      assert.equal(mavenScheme.isValid(bad as string), false);
      assert.throws(
        () => mavenScheme.compare(bad as string, '1'),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
    }
  });
});
