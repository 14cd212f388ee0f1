import { describe } from 'node:test';

import { nugetScheme } from '../../../src/vuln/version/nuget.js';
import { invalidCases, orderCases, type Case } from './table.js';

// No .NET SDK on the build machine: cases follow NuGet's documented version rules.
const CASES: readonly Case[] = [
  ['1.0', '=', '1.0.0'],
  ['1.0', '=', '1.0.0.0'],
  ['1', '=', '1.0.0.0'],
  ['1.0.0.1', '>', '1.0.0'],
  ['1.01', '=', '1.1'],
  ['1.0.0-alpha', '<', '1.0.0'],
  ['1.0.0-ALPHA', '=', '1.0.0-alpha'],
  ['1.0.0-alpha.2', '<', '1.0.0-alpha.10'],
  ['1.0.0-beta', '<', '1.0.0-Beta.1'],
  ['1.0.0-1', '<', '1.0.0-a'],
  ['1.0.0-Zeta', '>', '1.0.0-alpha'],
  ['1.0.0+build', '=', '1.0.0'],
  ['2.0.0-rc.1+meta', '=', '2.0.0-rc.1'],
  ['4.0.0.0-preview', '<', '4.0.0'],
  ['4.0.0-preview.19', '<', '4.0.0-preview.20'],
  ['6.0.0-preview.7.21377.19', '<', '6.0.0-rc.1.21451.13'],
  ['13.0.1', '>', '12.0.3'],
  ['99999999999999999999.0', '>', '9999999999999999999.0'],
];

describe('NuGet scheme', () => {
  orderCases(nugetScheme, CASES);
  invalidCases(nugetScheme, [
    '',
    'v1.0',
    '1.0.0.0.0',
    '1.',
    'a',
    '1.0-',
    '1.0+',
    '1.0-a..b',
    '1.0.-1',
    null,
    4,
    {},
  ]);
});
