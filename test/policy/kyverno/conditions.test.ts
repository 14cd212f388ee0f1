import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyOperator, evaluateConditions } from '../../../src/policy/kyverno/conditions.js';
import { isCubecapeError } from '../../../src/core/errors.js';

test('condition operators', () => {
  const cases: [string, unknown, unknown, boolean][] = [
    ['Equals', 'abc', 'abc', true],
    ['Equals', 'abc', 'a*', true],
    ['Equals', '1Gi', '1024Mi', true],
    ['Equals', '1h', '60m', true],
    ['Equals', 3, '3', true],
    ['Equals', true, true, true],
    ['Equals', { a: [1] }, { a: [1] }, true],
    ['Equals', null, null, true],
    ['Equals', null, 'x', false],
    ['NotEquals', 'a', 'b', true],
    ['AnyIn', ['a', 'x'], ['x', 'y'], true],
    ['AnyIn', ['a'], ['x', 'y'], false],
    ['AnyIn', 'nginx', ['ng*'], true],
    ['AnyIn', ['*'], ['bind'], true],
    ['AnyIn', [], ['a'], false],
    ['AnyIn', 'a', null, false],
    ['AnyIn', 8080, ['8000-9000'], true],
    ['AllIn', ['x', 'y'], ['x', 'y', 'z'], true],
    ['AllIn', ['x', 'q'], ['x', 'y'], false],
    ['AnyNotIn', ['x', 'q'], ['x', 'y'], true],
    ['AnyNotIn', ['x'], ['x', 'y'], false],
    ['AllNotIn', ['p', 'q'], ['x'], true],
    ['AllNotIn', ['p', 'x'], ['x'], false],
    ['AllNotIn', 'team1', null, false],
    ['In', 'a', ['a', 'b'], true],
    ['In', ['a', 'c'], ['a', 'b'], false],
    ['NotIn', 'c', ['a', 'b'], true],
    ['AnyIn', 'a', '["a","b"]', true],
    ['GreaterThan', 5, 3, true],
    ['GreaterThan', '2Gi', '1Gi', true],
    ['GreaterThan', 'abc', 3, false],
    ['GreaterThanOrEquals', 3, '3', true],
    ['LessThan', '1.2.3', '1.10.0', true],
    ['LessThanOrEquals', '500m', 1, true],
    ['DurationGreaterThan', '2h', '90m', true],
    ['DurationLessThan', '30s', '1m', true],
    ['DurationGreaterThanOrEquals', '1m', 60, true],
    ['DurationLessThanOrEquals', 'x', '1m', false],
  ];
  for (const [operator, key, value, expected] of cases) {
    assert.equal(
      applyOperator(operator, key, value),
      expected,
      `${JSON.stringify(key)} ${operator} ${JSON.stringify(value)}`,
    );
  }
});

test('unknown operators are errors', () => {
  assert.throws(
    () => applyOperator('Matches', 'a', 'a'),
    (e: unknown) => isCubecapeError(e) && e.code === 'CONTROL_ERROR',
  );
});

test('any/all blocks and variable substitution', () => {
  const data = {
    request: { object: { metadata: { name: 'web', labels: { tier: 'db' } } }, operation: 'CREATE' },
  };
  const eq = (key: string, value: unknown) => ({ key, operator: 'Equals', value });
  const cases: [string, unknown, boolean][] = [
    ['missing block holds', undefined, true],
    ['bare list is all', [eq('{{ request.object.metadata.name }}', 'web'), eq('a', 'b')], false],
    [
      'any holds when one does',
      { any: [eq('a', 'b'), eq('{{ request.operation }}', 'CREATE')] },
      true,
    ],
    [
      'all must all hold',
      { all: [eq('a', 'a'), eq('{{ request.object.metadata.labels.tier }}', 'web')] },
      false,
    ],
    ['any and all both apply', { any: [eq('a', 'a')], all: [eq('a', 'b')] }, false],
    ['empty any holds', { any: [] }, true],
    ['missing variable is null', [eq('{{ request.object.spec.nothing }}', null)], true],
    ['default with ||', [eq("{{ request.object.spec.x || 'none' }}", 'none')], true],
  ];
  for (const [name, block, expected] of cases)
    assert.equal(evaluateConditions(block, data), expected, name);
  assert.throws(() => evaluateConditions('nonsense', data));
  assert.throws(() => evaluateConditions([null], data));
});
