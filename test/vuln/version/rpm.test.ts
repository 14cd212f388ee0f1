import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import { parseRpm, rpmScheme, rpmvercmp } from '../../../src/vuln/version/rpm.js';
import {
  agreement,
  generatePairs,
  mismatches,
  parseSigns,
  pick,
  runTool,
  seededRandom,
  tokens,
} from './oracle.js';
import { realPairs } from './real-versions.js';

const INSTALL = 'apt-get install -y rpm (provides /usr/bin/rpmlua)';
const ORDER = { '<': -1, '=': 0, '>': 1 } as const;

const HAND: readonly (readonly [string, keyof typeof ORDER, string])[] = [
  ['1.0', '=', '1.0'],
  ['1.0', '<', '2.0'],
  ['2.0.1', '>', '2.0'],
  ['2.0.1a', '>', '2.0.1'],
  ['5.5p1', '<', '5.5p2'],
  ['5.5p10', '>', '5.5p1'],
  ['10xyz', '<', '10.1xyz'],
  ['xyz10', '<', 'xyz10.1'],
  ['xyz.4', '<', '8'],
  ['xyz.4', '<', '2'],
  ['6.0.rc1', '>', '6.0'],
  ['10b2', '>', '10a1'],
  ['1.0aa', '>', '1.0a'],
  ['10.0001', '=', '10.1'],
  ['4.999.9', '<', '5.0'],
  ['1.0_1', '=', '1.0.1'],
  ['a+', '=', 'a_'],
  ['1.0~rc1', '<', '1.0'],
  ['1.0~rc1', '<', '1.0~rc2'],
  ['1.0~rc1~git123', '<', '1.0~rc1'],
  ['1.0^', '>', '1.0'],
  ['1.0^git1', '>', '1.0'],
  ['1.0^git1', '<', '1.01'],
  ['1.0^20160101', '<', '1.0.1'],
  ['1.0^git1', '<', '1.0^git2'],
  ['1.0~rc1^git1', '>', '1.0~rc1'],
  ['1.0^git1~pre', '<', '1.0^git1'],
  ['1:1.0', '>', '2.0'],
  ['0:1.0-1', '=', '1.0-1'],
  ['1.0-1', '<', '1.0-2'],
  ['1.0-1.el8', '<', '1.0-1.el9'],
  ['1.0-1.el9_2', '>', '1.0-1.el9'],
  ['1.0', '<', '1.0-1'],
  ['1:2.4.57-5.el9', '>', '1:2.4.51-7.el9_2.5'],
  ['99999999999999999999', '<', '100000000000000000000'],
];

const INVALID = ['', ' ', '1.0 2', '-1', '1:', '1:-2', 'a\tb', 'a\nb'];

/** Runs every pair through rpm's Lua `rpm.vercmp` in one process; errors print as `E`. */
function rpmOrder(pairs: readonly (readonly [string, string])[]): string[] {
  const rows = pairs.map(([a, b]) => `{[==[${a}]==],[==[${b}]==]}`).join(',\n');
  const script =
    `local t = {${rows}}\n` +
    'for _, p in ipairs(t) do local ok, r = pcall(rpm.vercmp, p[1], p[2]); print(ok and r or "E") end\n';
  const dir = mkdtempSync(join(tmpdir(), 'cubecape-rpm-'));
  try {
    const file = join(dir, 'pairs.lua');
    writeFileSync(file, script);
    return runTool('rpmlua', [file], INSTALL)
      .split('\n')
      .filter((l) => l !== '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const random = seededRandom(0x52504d);
const PARTS = [
  '0',
  '1',
  '2',
  '9',
  '10',
  '01',
  'a',
  'b',
  'Z',
  'rc',
  'git',
  '.',
  '_',
  '+',
  '~',
  '^',
  '.1',
  'el9',
];

function makeVersion(): string {
  const epoch = random() < 0.3 ? `${pick(random, ['0', '1', '2', '10'])}:` : '';
  const version = pick(random, ['0', '1', '2', '10', 'a']) + tokens(random, PARTS, 5);
  const release = random() < 0.6 ? `-${tokens(random, PARTS, 4)}` : '';
  return epoch + version + release;
}

function mutate(version: string): string {
  const change = pick(random, ['~', '^', '~1', '^1', '.0', 'a', '0', '1', '-1', '_', '']);
  const cut = Math.floor(random() * version.length);
  return random() < 0.5
    ? version + change
    : version.slice(0, cut) + change + version.slice(cut + 1);
}

describe('rpm scheme', () => {
  it('splits epoch, version and release like rpm', () => {
    assert.deepEqual(parseRpm('1:2.3-4.el9'), { epoch: '1', version: '2.3', release: '4.el9' });
    assert.deepEqual(parseRpm('2.3-rc1-4'), { epoch: undefined, version: '2.3-rc1', release: '4' });
    assert.deepEqual(parseRpm('a:1'), { epoch: undefined, version: 'a:1', release: undefined });
  });

  for (const [a, op, b] of HAND) {
    it(`orders ${a} ${op} ${b}`, () => {
      assert.equal(rpmScheme.compare(a, b), ORDER[op]);
      assert.equal(rpmScheme.compare(b, a), -ORDER[op] || 0);
    });
  }

  it('rpmvercmp treats ~ and ^ at the very end correctly', () => {
    assert.equal(rpmvercmp('1.0~', '1.0'), -1);
    assert.equal(rpmvercmp('1.0^', '1.0'), 1);
    assert.equal(rpmvercmp('1.0^', '1.0.1'), -1);
  });

  it('agrees with rpm.vercmp on hand, 5000 generated and real (OSV openSUSE, SBOM) pairs', (t) => {
    const hand = HAND.map(([a, , b]) => [a, b] as const);
    const generated = generatePairs(random, 5000, makeVersion, mutate, (v) => rpmScheme.isValid(v));
    const real = realPairs(rpmScheme, seededRandom(0x52504e));
    const pairs = [...hand, ...generated, ...real];
    const raw = rpmOrder(pairs);
    assert.ok(!raw.includes('E'), 'rpm rejected a version our parser accepted');
    const expected = parseSigns(raw.join('\n'));
    assert.deepEqual(
      new Set(expected),
      new Set([-1, 0, 1]),
      'the oracle should see all three outcomes',
    );
    const wrong = mismatches(rpmScheme, pairs, expected);
    const counts = { generated: generated.length, real: real.length, hand: hand.length };
    t.diagnostic(agreement('rpm', pairs.length, wrong.length, counts));
    assert.ok(generated.length >= 2000, `only ${generated.length} pairs generated`);
    assert.ok(real.length >= 200, `only ${real.length} real pairs`);
    assert.deepEqual(wrong, []);
  });

  it('rejects blank, spaced and part-less versions with INVALID_VERSION', () => {
    for (const bad of [...INVALID, null, 7] as unknown[]) {
      assert.equal(rpmScheme.isValid(bad as string), false, JSON.stringify(bad));
      assert.throws(
        () => rpmScheme.compare('1.0', bad as string),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
    }
  });
});
