import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { isCubecapeError } from '../../../src/core/errors.js';
import { parsePep440, pep440Scheme } from '../../../src/vuln/version/pep440.js';
import { agreement, generatePairs, mismatches, pick, runTool, seededRandom } from './oracle.js';
import { realPairs } from './real-versions.js';

const INSTALL = 'apt-get install -y python3 python3-packaging (or: pip install packaging)';

// PEP 440's own example of a fully ordered sequence.
const SPEC_ORDER = [
  '1.0.dev456',
  '1.0a1',
  '1.0a2.dev456',
  '1.0a12.dev456',
  '1.0a12',
  '1.0b1.dev456',
  '1.0b2',
  '1.0b2.post345.dev456',
  '1.0b2.post345',
  '1.0rc1.dev456',
  '1.0rc1',
  '1.0',
  '1.0+abc.5',
  '1.0+abc.7',
  '1.0+5',
  '1.0.post456.dev34',
  '1.0.post456',
  '1.0.15',
  '1.1.dev1',
];

const EQUAL: readonly (readonly [string, string])[] = [
  ['1.0', '1.0.0'],
  ['1.0rc1', '1.0c1'],
  ['1.0rc1', '1.0-RC-1'],
  ['1.0rc1', '1.0.pre1'],
  ['1.0rc1', '1.0preview1'],
  ['1.0a', '1.0alpha0'],
  ['1.0-1', '1.0.post1'],
  ['1.0-1', '1.0rev1'],
  ['1.0-1', '1.0r1'],
  ['1.0.post', '1.0.post0'],
  ['1.0.dev', '1.0.dev0'],
  ['v1.0', '1.0'],
  ['  1.0\t', '1.0'],
  ['1.0+ubuntu-1', '1.0+ubuntu.1'],
  ['1.0+UBUNTU_1', '1.0+ubuntu.1'],
  ['0!1.0', '1.0'],
];

const LESS: readonly (readonly [string, string])[] = [
  ['2.0', '1!0.1'],
  ['1.0+a', '1.0+1'],
  ['1.0+abc', '1.0+abc.0'],
  ['1.0.dev1', '1.0a1.dev1'],
  ['1.0.post1.dev1', '1.0.post1'],
  ['1.0a1.post1', '1.0a2'],
  ['99999999999999999999', '100000000000000000000'],
];

const HOSTILE = [
  '',
  ' ',
  'a',
  '1.0.',
  '.1',
  '1..0',
  '1.0+',
  '1.0+a..b',
  '1.0_',
  '-1',
  '1.0-',
  'V1.0',
  'v 1.0',
  '1.0post-1',
  '1.0-post',
  '1.0.a1',
  '1.0a1b1',
  '1!',
  '!1',
  '1.0+a+b',
  '1.0--1',
  '1.0-_1',
  '1.0-r',
  '1.0rc',
  '1.0+ä',
  '١.٠',
  '1.0 ',
  '1.0\n',
  'latest',
  '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1',
];

const PY = `
import json, sys
from packaging.version import Version, InvalidVersion
def parse(v):
    try:
        return Version(v)
    except InvalidVersion:
        return None
data = json.load(sys.stdin)
order = []
for a, b in data["pairs"]:
    x, y = parse(a), parse(b)
    order.append(None if x is None or y is None else (x > y) - (x < y))
valid = [parse(v) is not None for v in data["versions"]]
json.dump({"order": order, "valid": valid}, sys.stdout)
`;

interface PyResult {
  order: (number | null)[];
  valid: boolean[];
}

function python(
  pairs: readonly (readonly [string, string])[],
  versions: readonly string[],
): PyResult {
  runTool('python3', ['-c', 'import packaging.version'], INSTALL);
  const out = runTool('python3', ['-c', PY], INSTALL, JSON.stringify({ pairs, versions }));
  return JSON.parse(out) as PyResult;
}

const random = seededRandom(0x440);
const SEP = ['', '.', '-', '_'];

function makeVersion(): string {
  let v = random() < 0.1 ? `${pick(random, ['0', '1', '2'])}!` : '';
  v += Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
    pick(random, ['0', '1', '2', '10', '01']),
  ).join('.');
  if (random() < 0.4) {
    v +=
      pick(random, SEP) +
      pick(random, ['a', 'alpha', 'b', 'Beta', 'c', 'rc', 'RC', 'pre', 'preview']);
    v += pick(random, SEP) + pick(random, ['', '0', '1', '2', '10']);
  }
  if (random() < 0.3) {
    v +=
      random() < 0.3
        ? `-${pick(random, ['0', '1', '5'])}`
        : pick(random, SEP) +
          pick(random, ['post', 'rev', 'r', 'POST']) +
          pick(random, ['', '0', '1', '3']);
  }
  if (random() < 0.25)
    v += pick(random, SEP) + pick(random, ['dev', 'DEV']) + pick(random, ['', '0', '1', '7']);
  if (random() < 0.15) v += `+${pick(random, ['abc', '1', 'ubuntu-1', 'A.b_2', '0', 'x.1'])}`;
  return v;
}

function mutate(version: string): string {
  const tail = pick(random, [
    '.0',
    '.1',
    'a1',
    'rc1',
    '.post1',
    '.dev0',
    '+1',
    '+a',
    '-1',
    '.dev',
    '',
  ]);
  return random() < 0.7 ? version + tail : version.slice(0, -1);
}

describe('PEP 440 scheme', () => {
  it('normalises spellings while parsing', () => {
    assert.deepEqual(parsePep440('v1!2.0-RC.3.post-4.DEV5+Ab-c.01'), {
      epoch: 1n,
      release: [2n, 0n],
      pre: [2, 3n],
      post: 4n,
      dev: 5n,
      local: ['ab', 'c', 1n],
    });
  });

  SPEC_ORDER.slice(1).forEach((b, i) => {
    const a = SPEC_ORDER[i] ?? '';
    it(`orders ${a} < ${b} (PEP 440 example)`, () => {
      assert.equal(pep440Scheme.compare(a, b), -1);
      assert.equal(pep440Scheme.compare(b, a), 1);
    });
  });

  for (const [a, b] of EQUAL) {
    it(`treats ${JSON.stringify(a)} = ${JSON.stringify(b)}`, () => {
      assert.equal(pep440Scheme.compare(a, b), 0);
    });
  }
  for (const [a, b] of LESS) {
    it(`orders ${a} < ${b}`, () => {
      assert.equal(pep440Scheme.compare(a, b), -1);
    });
  }

  it('agrees with packaging.version.Version on hand cases, 5000 generated and real (PyPA advisories) pairs, and validity', (t) => {
    const hand = [
      ...SPEC_ORDER.slice(1).map((b, i) => [SPEC_ORDER[i] ?? '', b] as const),
      ...EQUAL,
      ...LESS,
    ];
    const generated = generatePairs(random, 5000, makeVersion, mutate, (v) =>
      pep440Scheme.isValid(v),
    );
    const real = realPairs(pep440Scheme, seededRandom(0x441), 20_000);
    const pairs = [...hand, ...generated, ...real];
    const versions = [
      ...HOSTILE,
      ...Array.from(
        { length: 200 },
        () => mutate(makeVersion()) + pick(random, ['', '', '.', '-', '_x', '+']),
      ),
    ];
    const result = python(pairs, versions);
    const expected = result.order.map((o) => (o === null ? Number.NaN : o));
    assert.deepEqual(
      new Set(expected),
      new Set([-1, 0, 1]),
      'the oracle should see all three outcomes',
    );
    const wrong = mismatches(pep440Scheme, pairs, expected);
    const counts = { generated: generated.length, real: real.length, hand: hand.length };
    t.diagnostic(agreement('pep440', pairs.length, wrong.length, counts));
    assert.ok(generated.length >= 2000, `only ${generated.length} pairs generated`);
    assert.ok(real.length >= 2000, `only ${real.length} real pairs`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(
      versions.filter((v, i) => pep440Scheme.isValid(v) !== result.valid[i]),
      [],
      'versions where our validity differs from packaging',
    );
  });

  it('throws INVALID_VERSION for invalid and non-string versions', () => {
    for (const bad of ['', 'latest', '1.0.', null, 1] as unknown[]) {
      assert.throws(
        () => pep440Scheme.compare('1.0', bad as string),
        (error: unknown) => isCubecapeError(error) && error.code === 'INVALID_VERSION',
      );
    }
  });
});
