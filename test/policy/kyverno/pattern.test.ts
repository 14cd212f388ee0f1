import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchPattern, parseAnchor } from '../../../src/policy/kyverno/pattern.js';
import { matchValue } from '../../../src/policy/kyverno/value-pattern.js';

test('scalar value operators', () => {
  const cases: [unknown, unknown, boolean][] = [
    ['nginx:1.2', '*:*', true],
    ['nginx', '*:*', false],
    ['abc', 'a?c', true],
    ['abc', '!a*', false],
    ['xyz', '!a*', true],
    [5, '>4', true],
    [4, '>4', false],
    [4, '>=4', true],
    ['500m', '<1', true],
    ['2Gi', '<=1Gi', false],
    ['1024Mi', '1Gi', true],
    [150, '100-200', true],
    [250, '100-200', false],
    [250, '!100-200', true],
    ['30s', '<1m', true],
    ['2h', '>=90m', true],
    ['b', 'a | b', true],
    [7, '>5 & <10', true],
    [12, '>5 & <10', false],
    [true, true, true],
    ['true', true, false],
    [3, 3, true],
    ['3', 3, true],
    [null, null, true],
    ['', null, true],
    ['x', null, false],
    [null, '?*', false],
    [{}, '*', false],
    [1000, 1000.0, true],
    ['', '', true],
  ];
  for (const [value, pattern, expected] of cases) {
    assert.equal(
      matchValue(value, pattern),
      expected,
      `${JSON.stringify(value)} ~ ${JSON.stringify(pattern)}`,
    );
  }
});

test('anchors parse', () => {
  assert.deepEqual(parseAnchor('(name)'), { kind: 'condition', name: 'name' });
  assert.deepEqual(parseAnchor('=(name)'), { kind: 'equality', name: 'name' });
  assert.deepEqual(parseAnchor('X(name)'), { kind: 'negation', name: 'name' });
  assert.deepEqual(parseAnchor('^(name)'), { kind: 'existence', name: 'name' });
  assert.deepEqual(parseAnchor('<(name)'), { kind: 'global', name: 'name' });
  assert.deepEqual(parseAnchor('name'), { kind: 'plain', name: 'name' });
  assert.deepEqual(parseAnchor('()'), { kind: 'plain', name: '()' });
});

const pod = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  metadata: { name: 'p', labels: { 'app.kubernetes.io/name': 'x' } },
  spec: { containers, ...extra },
});

test('structural patterns with anchors', () => {
  const cases: [string, unknown, unknown, string][] = [
    [
      'required field present',
      pod([{ image: 'a:1' }]),
      { spec: { containers: [{ image: '*:*' }] } },
      'pass',
    ],
    [
      'required field missing',
      pod([{ name: 'c' }]),
      { spec: { containers: [{ image: '*' }] } },
      'fail',
    ],
    [
      'every element must match',
      pod([{ image: 'a:1' }, { image: 'b' }]),
      { spec: { containers: [{ image: '*:*' }] } },
      'fail',
    ],
    ['equality anchor absent passes', pod([{}]), { spec: { '=(hostNetwork)': false } }, 'pass'],
    [
      'equality anchor present must match',
      pod([{}], { hostNetwork: true }),
      { spec: { '=(hostNetwork)': false } },
      'fail',
    ],
    ['negation anchor', pod([{}], { hostPID: false }), { spec: { 'X(hostPID)': 'null' } }, 'fail'],
    ['negation anchor absent', pod([{}]), { spec: { 'X(hostPID)': 'null' } }, 'pass'],
    [
      'conditional anchor not met skips element',
      pod([
        { name: 'a', image: 'x:latest' },
        { name: 'b', image: 'y:1' },
      ]),
      { spec: { containers: [{ '(name)': 'b', image: '!*:latest' }] } },
      'pass',
    ],
    [
      'conditional anchor met enforces sibling',
      pod([{ name: 'b', image: 'y:latest' }]),
      { spec: { containers: [{ '(name)': 'b', image: '!*:latest' }] } },
      'fail',
    ],
    [
      'conditional anchor never met skips',
      pod([{ name: 'a' }]),
      { spec: { containers: [{ '(name)': 'b', image: '*' }] } },
      'skip',
    ],
    [
      'existence anchor needs one match',
      pod([{ name: 'a' }, { name: 'sidecar' }]),
      { spec: { '^(containers)': [{ name: 'side*' }] } },
      'pass',
    ],
    [
      'existence anchor no match',
      pod([{ name: 'a' }]),
      { spec: { '^(containers)': [{ name: 'side*' }] } },
      'fail',
    ],
    [
      'global anchor not met',
      pod([{ image: 'a' }]),
      { spec: { containers: [{ '<(image)': 'b*', name: 'x' }] } },
      'global',
    ],
    ['wildcard keys', pod([]), { metadata: { labels: { 'app.kubernetes.io/*': '?*' } } }, 'pass'],
    ['wildcard keys with no match', pod([]), { metadata: { labels: { 'team/*': '?*' } } }, 'fail'],
    ['scalar pattern on a list', { groups: [100, 200] }, { groups: '>0' }, 'pass'],
    ['scalar pattern on a list fails', { groups: [0, 200] }, { groups: '>0' }, 'fail'],
    ['map pattern against scalar', { a: 1 }, { a: { b: 1 } }, 'fail'],
    ['list pattern against map', { a: {} }, { a: [{}] }, 'fail'],
    ['null resource', null, { a: 1 }, 'fail'],
  ];
  for (const [name, resource, pattern, expected] of cases) {
    assert.equal(matchPattern(resource, pattern).status, expected, name);
  }
});

test('failure paths point at the offending field', () => {
  const outcome = matchPattern(pod([{ image: 'a' }, { image: 'b:latest' }]), {
    spec: { containers: [{ image: '!*:latest' }] },
  });
  assert.ok(outcome.status === 'fail');
  assert.equal(outcome.path.join('.'), 'spec.containers.1.image');
});

test('hostile patterns are bounded', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 200; i++) deep = { a: deep };
  assert.equal(matchPattern(deep, deep).status, 'fail');
  assert.equal(matchPattern(undefined, undefined).status, 'pass');
});

test('@ references resolve against the matched value', () => {
  const outcome = matchPattern(
    { a: 'x', b: 'x' },
    { a: '{{@}}' },
    { resolve: (_text, current) => current },
  );
  assert.equal(outcome.status, 'pass');
});
