import assert from 'node:assert/strict';
import { test } from 'node:test';
import { searchJmes, normalizeLegacyLiterals } from '../../../src/policy/kyverno/jmespath.js';
import { setKyvernoClock } from '../../../src/policy/kyverno/time-functions.js';
import { substituteAll, substituteString } from '../../../src/policy/kyverno/variables.js';
import { isCubecapeError } from '../../../src/core/errors.js';

const data = {
  request: { object: { metadata: { name: 'web', labels: { a: '1' } }, spec: { replicas: 3 } } },
  element: { name: 'c1', image: 'nginx:1.2' },
  elementIndex: 0,
};

test('substitution keeps types for lone references and interpolates otherwise', () => {
  assert.equal(substituteString('{{ request.object.spec.replicas }}', data), 3);
  assert.equal(substituteString('n={{ request.object.spec.replicas }}', data), 'n=3');
  assert.deepEqual(substituteString('{{request.object.metadata.labels}}', data), { a: '1' });
  assert.equal(substituteString('{{ element.name }}-{{ elementIndex }}', data), 'c1-0');
  assert.equal(substituteString('no refs', data), 'no refs');
  assert.equal(substituteString('{{ request.object.nothing }}', data), null);
  assert.equal(substituteString('x {{ request.object.nothing }}', data), 'x null');
});

test('nested references resolve innermost first', () => {
  const text = "{{ regex_match('^[0-9]+$', '{{ request.object.spec.replicas || '' }}') }}";
  assert.equal(substituteString(text, data), true);
});

test('substituteAll walks objects, arrays and keys but keeps named subtrees', () => {
  const out = substituteAll(
    { '{{ element.name }}': ['{{ elementIndex }}'], foreach: '{{ element.image }}' },
    data,
    new Set(['foreach']),
  );
  assert.deepEqual(out, { c1: [0], foreach: '{{ element.image }}' });
});

test('invalid expressions are CONTROL_ERROR', () => {
  assert.throws(
    () => substituteString('{{ a[ }}', data),
    (e: unknown) => isCubecapeError(e) && e.code === 'CONTROL_ERROR',
  );
  assert.throws(
    () => searchJmes('x'.repeat(5000), {}),
    (e: unknown) => isCubecapeError(e),
  );
});

test('legacy backtick literals become JSON strings', () => {
  assert.equal(
    normalizeLegacyLiterals('contains(image, `:latest`)'),
    'contains(image, `":latest"`)',
  );
  assert.equal(normalizeLegacyLiterals('a == `1`'), 'a == `1`');
  assert.equal(searchJmes("contains('nginx:latest', `:latest`)", {}), true);
});

test('Kyverno JMESPath functions', () => {
  const cases: [string, unknown][] = [
    ["to_upper('abc')", 'ABC'],
    ["to_lower('ABC')", 'abc'],
    ["regex_match('^a.c$', 'abc')", true],
    ["regex_match('(?i)^ABC$', 'abc')", true],
    ["regex_replace_all('([a-z]+)-(\\d+)', 'web-12', '$2')", '12'],
    ["regex_replace_all_literal('[0-9]', 'a1b2', 'x')", 'axbx'],
    ["label_match({app: 'a'}, {app: 'a', tier: 'b'})", true],
    ["label_match({app: 'b'}, {app: 'a'})", false],
    ["split('a,b', ',')", ['a', 'b']],
    ["truncate('abcdef', `3`)", 'abc'],
    ["divide('1Gi', '512Mi')", 2],
    ['divide(`10`, `4`)', 2.5],
    ["compare('a', 'b')", -1],
    ["equal_fold('ABC', 'abc')", true],
    ["base64_decode('aGVsbG8=')", 'hello'],
    ["base64_encode('hello')", 'aGVsbG8='],
    ["parse_yaml('a: [1, 2]')", { a: [1, 2] }],
    ['parse_json(\'{"a":1}\')', { a: 1 }],
    ["semver_compare('1.2.3', '>1.0.0')", true],
    ["semver_compare('1.2.3', '>=2.0.0 || <1.0.0')", false],
    ['add(`1`, `2`)', 3],
    ["add('1h', '30m')", '1h30m0s'],
    ['subtract(`5`, `2`)', 3],
    ['multiply(`5`, `2`)', 10],
    ['modulo(`5`, `2`)', 1],
    ['sum(`[1, 2, 3]`)', 6],
    ["replace_all('a-b-c', '-', '+')", 'a+b+c'],
    ["trim_prefix('v1.2', 'v')", '1.2'],
    ["time_to_cron('2023-02-02T15:04:05Z')", '4 15 2 2 4'],
    ["time_add('2023-01-01T00:00:00Z', '1h')", '2023-01-01T01:00:00Z'],
    ["time_diff('2023-01-01T00:00:00Z', '2023-01-01T01:30:00Z')", '1h30m0s'],
    ["time_before('2023-01-01T00:00:00Z', '2023-01-02T00:00:00Z')", true],
    ['time_now_utc()', '2024-01-01T00:00:00Z'],
    ["time_since('', '2023-12-31T23:00:00Z', '')", '1h0m0s'],
    ["pattern_match('ng*', 'nginx')", true],
    ["object_from_lists(['a', 'b'], [`1`])", { a: 1, b: null }],
    ["to_boolean('True')", true],
    ['round(`2.567`, `2`)', 2.57],
  ];
  const previous = setKyvernoClock(() => Date.parse('2024-01-01T00:00:00Z'));
  try {
    for (const [expression, expected] of cases)
      assert.deepEqual(searchJmes(expression, {}), expected, expression);
  } finally {
    setKyvernoClock(previous);
  }
  for (const bad of [
    'divide(`1`, `0`)',
    "to_boolean('maybe')",
    "parse_json('{')",
    "time_add('never', '1h')",
  ]) {
    assert.throws(
      () => searchJmes(bad, {}),
      (e: unknown) => isCubecapeError(e),
      bad,
    );
  }
});
