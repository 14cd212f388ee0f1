import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import { dpkgScheme, parseDpkg } from '../../../src/vuln/version/dpkg.js';
import {
  agreement,
  generatePairs,
  mismatches,
  parseSigns,
  pick,
  runTool,
  runToolSharded,
  seededRandom,
  tokens,
} from './oracle.js';
import { realPairs } from './real-versions.js';

const INSTALL = 'apt-get install -y dpkg (Debian/Ubuntu base package)';
const ORDER = { '<': -1, '=': 0, '>': 1 } as const;

// Hand-picked cases: each also goes through dpkg itself below, so a wrong expectation is caught.
const HAND: readonly (readonly [string, keyof typeof ORDER, string])[] = [
  ['1.0~rc1', '<', '1.0'],
  ['1.0~~', '<', '1.0~'],
  ['1.0~~a', '<', '1.0~'],
  ['1.0~', '<', '1.0'],
  ['1.0', '<', '1.0a'],
  ['1.0a', '<', '1.0+'],
  ['1.0+', '<', '1.0.'],
  ['1.0.', '=', '1.0.0'],
  ['1.0', '=', '1.00'],
  ['1.0', '=', '1.0-0'],
  ['0:1.0', '=', '1.0'],
  ['1:0.1', '>', '9.9'],
  ['1.001', '=', '1.1'],
  ['10', '>', '9'],
  ['1.10', '>', '1.9'],
  ['1.0-1', '<', '1.0-1+deb12u1'],
  ['7.88.1-10+deb12u5', '<', '7.88.1-10+deb12u12'],
  ['3.0.11-1~deb12u2', '<', '3.0.11-1'],
  ['2.36-9+deb12u4', '>', '2.36-9'],
  ['1.2.3+dfsg-1', '>', '1.2.3-1'],
  ['1.2.3~dfsg-1', '<', '1.2.3-1'],
  ['2.30-1ubuntu1', '<', '2.30-1ubuntu1.1'],
  ['1.0-rc1-1', '>', '1.0-1'],
  ['1:1.0:1-1', '>', '1:1.0-1'],
  ['1.0-1~bpo12+1', '<', '1.0-1'],
  ['1.0A', '<', '1.0a'],
  ['1.0Z', '<', '1.0a'],
  ['+1:2', '=', '1:2'],
  ['00:1', '=', '1'],
  ['1.0-a', '>', '1.0-9'],
  ['99999999999999999999', '<', '100000000000000000000'],
];

const VALIDITY = [
  'abc',
  '1.0',
  '1:',
  ':1',
  '1.0-',
  'a:1',
  '-1:1.0',
  '+1:1.0',
  ' 1.0',
  '1.0 ',
  '1 0',
  '1.0_x',
  '1.0-a:b',
  '1.0-a-b',
  '1.0-a_b',
  '00:1',
  '2147483647:1',
  '2147483648:1',
  '0:0',
  '1:a',
  '~1',
  '1~',
  '',
  '1.0-~',
  '1.0-+',
  '1:1:1',
  '1.0-1:',
  'é',
  '1.é',
  '1.0-1.é',
];

/**
 * dpkg answers one relation per process, and forking dominates the run time. So each pair first
 * asks dpkg the relation our comparator claims (one fork when we are right, and a yes proves
 * the order), and only a no asks `lt` and `eq` to find dpkg's order. The shards run at once.
 */
async function dpkgOrder(pairs: readonly (readonly [string, string])[]): Promise<number[]> {
  runTool('dpkg', ['--version'], INSTALL);
  const script =
    "while IFS=$'\\t' read -r a b claim sign; do " +
    'if dpkg --compare-versions "$a" "$claim" "$b"; then echo "$sign"; ' +
    'elif dpkg --compare-versions "$a" lt "$b"; then echo -1; ' +
    'elif dpkg --compare-versions "$a" eq "$b"; then echo 0; else echo 1; fi; done';
  const lines = pairs.map(([a, b]) => {
    const claim = dpkgScheme.isValid(a) && dpkgScheme.isValid(b) ? dpkgScheme.compare(a, b) : 0;
    const op = claim < 0 ? 'lt' : claim > 0 ? 'gt' : 'eq';
    return `${a}\t${b}\t${op}\t${claim}\n`;
  });
  return parseSigns(await runToolSharded('bash', ['-c', script], INSTALL, lines));
}

function dpkgValid(versions: readonly string[]): boolean[] {
  runTool('dpkg', ['--version'], INSTALL);
  const script =
    'while IFS= read -r v; do dpkg --validate-version -- "$v" >/dev/null 2>&1 && echo 1 || echo 0; done';
  const out = runTool('bash', ['-c', script], INSTALL, versions.map((v) => `${v}\n`).join(''));
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l === '1');
}

const random = seededRandom(0xdeb1a2);
const UPSTREAM = [
  '0',
  '1',
  '2',
  '9',
  '10',
  '01',
  '00',
  'a',
  'b',
  'z',
  'A',
  '.',
  '+',
  '~',
  '~~',
  'rc',
  'dfsg',
  '.1',
  '-',
  ':',
];
const REVISION = ['0', '1', '2', '10', 'a', 'b', 'Z', '.', '+', '~', 'deb12u', 'ubuntu', 'bpo'];

function makeVersion(): string {
  const epoch = random() < 0.3 ? `${pick(random, ['0', '1', '2', '10'])}:` : '';
  const upstream = pick(random, ['0', '1', '2', '9', '10']) + tokens(random, UPSTREAM, 5);
  const revision = random() < 0.6 ? `-${tokens(random, REVISION, 4)}` : '';
  return epoch + upstream + revision;
}

function mutate(version: string): string {
  const change = pick(random, ['~', '~1', '+b1', '.0', 'a', '0', '1', '-1', '']);
  const cut = Math.floor(random() * version.length);
  return random() < 0.5
    ? version + change
    : version.slice(0, cut) + change + version.slice(cut + 1);
}

describe('dpkg scheme', () => {
  it('parses epoch, upstream and revision', () => {
    assert.deepEqual(parseDpkg('1:2.3-4+deb12u1'), {
      epoch: 1,
      upstream: '2.3',
      revision: '4+deb12u1',
    });
    assert.deepEqual(parseDpkg('1.0-rc1-1'), { epoch: 0, upstream: '1.0-rc1', revision: '1' });
    assert.deepEqual(parseDpkg('2.0'), { epoch: 0, upstream: '2.0', revision: '' });
  });

  for (const [a, op, b] of HAND) {
    it(`orders ${a} ${op} ${b}`, () => {
      assert.equal(dpkgScheme.compare(a, b), ORDER[op]);
      assert.equal(dpkgScheme.compare(b, a), -ORDER[op] || 0);
    });
  }

  it('agrees with dpkg --compare-versions on hand, 2000 generated and real (status files, OSV) pairs', async (t) => {
    const hand = HAND.map(([a, , b]) => [a, b] as const);
    const generated = generatePairs(random, 2000, makeVersion, mutate, (v) =>
      dpkgScheme.isValid(v),
    );
    const real = realPairs(dpkgScheme, seededRandom(0xdeb2ea1));
    const pairs = [...hand, ...generated, ...real];
    const expected = await dpkgOrder(pairs);
    assert.deepEqual(
      new Set(expected),
      new Set([-1, 0, 1]),
      'the oracle should see all three outcomes',
    );
    const wrong = mismatches(dpkgScheme, pairs, expected);
    const counts = { generated: generated.length, real: real.length, hand: hand.length };
    t.diagnostic(agreement('dpkg', pairs.length, wrong.length, counts));
    assert.ok(generated.length >= 2000, `only ${generated.length} pairs generated`);
    assert.ok(real.length >= 500, `only ${real.length} real pairs`);
    assert.deepEqual(wrong, []);
  });

  it('accepts exactly what dpkg --validate-version accepts', () => {
    const generated = Array.from({ length: 200 }, () =>
      random() < 0.5 ? makeVersion() : mutate(makeVersion()),
    );
    const hostile = [
      ...VALIDITY,
      ...generated.map((v) => v.replace('.', pick(random, ['_', ' ', '!', '.']))),
    ];
    const expected = dpkgValid(hostile);
    const wrong = hostile.filter((v, i) => dpkgScheme.isValid(v) !== expected[i]);
    assert.deepEqual(wrong, []);
  });

  it('throws INVALID_VERSION for versions dpkg rejects and for non-strings', () => {
    for (const bad of ['', 'abc', '1.0-', ':1', null, undefined, 12, {}]) {
      assert.throws(
        () => dpkgScheme.compare(bad as string, '1.0'),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
      assert.equal(dpkgScheme.parse(bad as string), undefined);
    }
  });
});
