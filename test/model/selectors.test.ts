import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  indexLabels,
  indexSelectors,
  labelSelectorMatches,
  labelsOf,
  parseLabelSelector,
  serviceSelectorMatches,
} from '../../src/model/selectors.js';

const labels = { app: 'web', tier: 'frontend', env: 'prod' };

test('labelSelectorMatches follows Kubernetes semantics', () => {
  const cases: [string, unknown, boolean][] = [
    ['nil matches nothing', undefined, false],
    ['null matches nothing', null, false],
    ['empty matches everything', {}, true],
    ['empty lists match everything', { matchLabels: {}, matchExpressions: [] }, true],
    ['matchLabels hit', { matchLabels: { app: 'web' } }, true],
    ['matchLabels all must hold', { matchLabels: { app: 'web', tier: 'backend' } }, false],
    [
      'In hit',
      { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'staging'] }] },
      true,
    ],
    ['In miss', { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] }, false],
    [
      'In on absent key',
      { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
      false,
    ],
    [
      'NotIn on absent key matches',
      { matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a'] }] },
      true,
    ],
    [
      'NotIn miss',
      { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
      false,
    ],
    ['Exists', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, false],
    [
      'labels and expressions ANDed',
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }],
      },
      false,
    ],
    [
      'invalid: unknown operator',
      { matchExpressions: [{ key: 'env', operator: 'Equals', values: ['prod'] }] },
      false,
    ],
    [
      'invalid: In without values',
      { matchExpressions: [{ key: 'env', operator: 'In', values: [] }] },
      false,
    ],
    [
      'invalid: Exists with values',
      { matchExpressions: [{ key: 'env', operator: 'Exists', values: ['x'] }] },
      false,
    ],
    ['invalid: matchLabels value not a string', { matchLabels: { app: 1 } }, false],
    ['invalid: matchExpressions not a list', { matchExpressions: {} }, false],
    ['invalid: selector a string', 'app=web', false],
  ];
  for (const [name, selector, expected] of cases)
    assert.equal(labelSelectorMatches(selector, labels), expected, name);
});

test('parseLabelSelector reports why a selector is invalid', () => {
  assert.equal(parseLabelSelector(undefined), undefined);
  const parsed = parseLabelSelector({
    matchExpressions: [{ key: '', operator: 'In', values: ['a'] }],
  });
  assert.ok(parsed !== undefined && 'error' in parsed);
  assert.match(parsed.error, /matchExpressions\[0\]\.key/);
});

test('serviceSelectorMatches is equality-based and empty selects nothing', () => {
  const cases: [unknown, boolean][] = [
    [{ app: 'web' }, true],
    [{ app: 'web', env: 'prod' }, true],
    [{ app: 'api' }, false],
    [{ zone: 'a' }, false],
    [{}, false],
    [undefined, false],
    [{ app: 1 }, false],
    [['app'], false],
  ];
  for (const [selector, expected] of cases)
    assert.equal(serviceSelectorMatches(selector, labels), expected, JSON.stringify(selector));
});

test('labelsOf keeps string labels only', () => {
  assert.deepEqual(labelsOf({ labels: { a: 'x', b: 2, c: null } }), { a: 'x' });
  assert.deepEqual(labelsOf(null), {});
  assert.deepEqual(labelsOf({ labels: 'a=b' }), {});
});

/** Selectors and label sets that exercise every operator, nil, empty and invalid selectors. */
const SELECTORS: unknown[] = [
  undefined,
  null,
  'not a selector',
  {},
  { matchLabels: { app: 'web' } },
  { matchLabels: { app: 'web', tier: 'backend' } },
  { matchLabels: { app: 1 } },
  { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'api', 'web'] }] },
  { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
  { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
  {
    matchLabels: { env: 'prod' },
    matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }],
  },
  { matchExpressions: [{ key: 'app', operator: 'In', values: [] }] },
];
const LABEL_SETS: Record<string, string>[] = [
  {},
  { app: 'web' },
  { app: 'web', tier: 'backend' },
  { app: 'api', env: 'prod' },
  { app: 'web', env: 'prod', tier: 'frontend' },
  { tier: 'backend' },
];

test('indexSelectors finds the selectors labelSelectorMatches would, in order', () => {
  const entries = SELECTORS.map((selector, index) => ({ index, selector }));
  const lookup = indexSelectors(entries, (entry) => entry.selector);
  for (const labels of LABEL_SETS) {
    const expected = entries.filter((entry) => labelSelectorMatches(entry.selector, labels));
    assert.deepEqual(lookup(labels), expected, JSON.stringify(labels));
  }
});

test('indexLabels finds the entries labelSelectorMatches would select, in order', () => {
  const entries = LABEL_SETS.map((labels, index) => ({ index, labels }));
  const lookup = indexLabels(entries, (entry) => entry.labels);
  for (const selector of SELECTORS) {
    const expected = entries.filter((entry) => labelSelectorMatches(selector, entry.labels));
    assert.deepEqual(lookup(selector), expected, JSON.stringify(selector));
  }
});
