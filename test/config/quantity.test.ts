import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuantity } from '../../src/config/quantity.js';

test('parseQuantity reads Kubernetes quantities', () => {
  const cases: [unknown, number | undefined][] = [
    ['500m', 0.5],
    ['1', 1],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['2.', 2],
    [2, 2],
    [0.25, 0.25],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1Ki', 1024],
    ['1Ei', 2 ** 60],
    ['1k', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1E', 1e18],
    ['1e3', 1000],
    ['1E3', 1000],
    ['5e-1', 0.5],
    ['100n', 100e-9],
    ['10u', 10e-6],
    [' 256Mi ', 256 * 2 ** 20],
    ['+1', 1],
    ['-1', -1],
    // Not quantities.
    ['', undefined],
    ['   ', undefined],
    ['1.5.5', undefined],
    ['Mi', undefined],
    ['1mi', undefined],
    ['1KB', undefined],
    ['1 Gi', undefined],
    ['0x10', undefined],
    ['1e', undefined],
    ['1e400', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    [Number.POSITIVE_INFINITY, undefined],
    [Number.NaN, undefined],
    [null, undefined],
    [undefined, undefined],
    [true, undefined],
    [{}, undefined],
    [['1'], undefined],
    ['9'.repeat(100), undefined],
  ];
  for (const [input, expected] of cases)
    assert.equal(parseQuantity(input), expected, JSON.stringify(input));
});
