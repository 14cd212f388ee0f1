import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseGem, rubygemsScheme } from '../../../src/vuln/version/rubygems.js';
import { invalidCases, orderCases, type Case } from './table.js';

// No Ruby on the build machine: cases follow Gem::Version's documented behaviour.
const CASES: readonly Case[] = [
  ['1.0', '=', '1'],
  ['1.0', '=', '1.0.0'],
  ['', '=', '0'],
  ['  1.2  ', '=', '1.2'],
  ['1.0.a', '<', '1.0'],
  ['1.0.b1', '>', '1.0.a2'],
  ['1.0.a10', '>', '1.0.a9'],
  ['0.9', '<', '1.0.a1'],
  ['1.0-rc1', '=', '1.0.pre.rc1'],
  ['1.0-1', '<', '1.0'],
  ['1.0.0.1', '>', '1.0'],
  ['2.a', '<', '2.b'],
  ['2.B', '<', '2.a'],
  ['1.10', '>', '1.9'],
  ['1.0.rc1', '<', '1.0'],
  ['3.2.0.beta', '>', '3.2.0.alpha'],
  ['1.0.a.1', '=', '1.0.a1'],
  ['7.0.8.1', '>', '7.0.8'],
  ['6.1.7.7', '<', '7.0.0.rc1'],
  ['1.0.0.rc1', '>', '1.0.0.beta3'],
  ['99999999999999999999', '>', '9999999999999999999'],
];

describe('RubyGems scheme', () => {
  it('splits digits from letters and drops trailing zeros', () => {
    assert.deepEqual(parseGem('1.0.0.rc1.0'), [1n, 'rc', 1n]);
    assert.deepEqual(parseGem('1.0-beta'), [1n, 'pre', 'beta']);
  });
  orderCases(rubygemsScheme, CASES);
  invalidCases(rubygemsScheme, [
    'a',
    '1.0.',
    '.1',
    '1..0',
    '1.0-',
    '1.0 2',
    '-1',
    '1,0',
    'v1.0',
    null,
    1.5,
  ]);
});
