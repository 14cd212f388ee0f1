import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { normalizeComposer, packagistScheme } from '../../../src/vuln/version/packagist.js';
import { invalidCases, orderCases, type Case } from './table.js';

// No PHP on the build machine: cases follow Composer's VersionParser and PHP's version_compare.
const CASES: readonly Case[] = [
  ['1.0', '=', '1.0.0'],
  ['v1.0.0', '=', '1.0.0.0'],
  ['V2.1', '=', '2.1.0'],
  ['1.0.0-beta1', '=', '1.0.0-b1'],
  ['1.0.0beta1', '=', '1.0.0-beta1'],
  ['1.0.0-dev', '<', '1.0.0-alpha1'],
  ['1.0.0-alpha1', '<', '1.0.0-beta1'],
  ['1.0.0-beta1', '<', '1.0.0-RC1'],
  ['1.0.0-RC1', '<', '1.0.0'],
  ['1.0.0', '<', '1.0.0-patch1'],
  ['1.0.0-p1', '=', '1.0.0-pl1'],
  ['1.0.0-patch1', '<', '1.0.1'],
  ['1.0.0-alpha10', '>', '1.0.0-alpha9'],
  ['1.0.0-rc1', '=', '1.0.0-RC1'],
  ['1.0.0+build.5', '=', '1.0.0'],
  ['2.0.0-stable', '=', '2.0.0'],
  ['1.2.3-beta.2', '=', '1.2.3-beta2'],
  ['1.0.0-beta1', '<', '1.0.0-beta1.1'],
  ['1.0.0-beta2-dev', '<', '1.0.0-beta2'],
  ['20230101', '<', '20230102'],
  ['4.4.49', '<', '4.4.50'],
  ['10.0.0', '>', '9.9.9.9'],
];

describe('Packagist scheme', () => {
  it('normalises like Composer', () => {
    assert.equal(normalizeComposer('v1.2'), '1.2.0.0');
    assert.equal(normalizeComposer('1.0-b2'), '1.0.0.0-beta2');
    assert.equal(normalizeComposer('1.0.0-pl3'), '1.0.0.0-patch3');
    assert.equal(normalizeComposer('1.0.0-RC1-dev'), '1.0.0.0-RC1-dev');
    assert.equal(normalizeComposer('2023.01.15'), '2023.01.15.0');
    assert.equal(normalizeComposer('20230115-1200'), '20230115.1200');
    assert.equal(normalizeComposer('dev-main'), undefined);
  });
  orderCases(packagistScheme, CASES);
  invalidCases(packagistScheme, [
    '',
    'dev-master',
    '1.x-dev',
    'abc',
    '1.0.0-foo',
    '1.0.0.0.0',
    'latest',
    null,
    2,
  ]);
});
