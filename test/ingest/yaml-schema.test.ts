import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseYamlStream } from '../../src/ingest/yaml-stream.js';
import { parseGoFloat, parseGoInteger } from '../../src/ingest/yaml-schema.js';

/** Parses `value: <scalar>` and returns what `value` became. */
function scalar(text: string): unknown {
  const { documents, issues } = parseYamlStream(`value: ${text}\n`, 'x.yaml');
  assert.deepEqual(issues, [], `no issue for ${text}`);
  const value = documents[0]?.value;
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value));
  return (value as Record<string, unknown>)['value'];
}

describe('go-yaml (YAML 1.1) scalar resolution, as kubectl reads manifests', () => {
  const cases: readonly (readonly [string, unknown])[] = [
    // Booleans: every spelling go-yaml v2 accepts.
    ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'].map(
      (word) => [word, true] as const,
    ),
    ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'].map(
      (word) => [word, false] as const,
    ),
    // Not booleans in go-yaml: mixed case beyond the listed spellings.
    ['yEs', 'yEs'],
    ['oN', 'oN'],
    ['TRue', 'TRue'],
    // Nulls.
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['', null],
    ['nULL', 'nULL'],
    // Integers: octal with a leading zero, hex, binary, 0o, underscores, signs.
    ['0755', 493],
    ['0644', 420],
    ['0o17', 15],
    ['0x1F', 31],
    ['0X1f', 31],
    ['-0x10', -16],
    ['0b101', 5],
    ['+12', 12],
    ['-7', -7],
    ['1_000', 1000],
    ['0', 0],
    ['-0', 0],
    ['9007199254740993', 9007199254740992],
    // Not octal (8 and 9 are no octal digits): go-yaml falls back to a float.
    ['08', 8],
    ['0999', 999],
    // Floats.
    ['1.5', 1.5],
    ['1e3', 1000],
    ['-2.5E-1', -0.25],
    ['.5', 0.5],
    ['1.', 1],
    ['.inf', Number.POSITIVE_INFINITY],
    ['+.Inf', Number.POSITIVE_INFINITY],
    ['-.INF', Number.NEGATIVE_INFINITY],
    ['.nan', Number.NaN],
    ['.NaN', Number.NaN],
    // Strings: anything else.
    ['0x', '0x'],
    ['0xZZ', '0xZZ'],
    ['1:20', '1:20'],
    ['-a', '-a'],
    ['.', '.'],
    ['1.2.3', '1.2.3'],
    ['v1', 'v1'],
    ['nginx:1.25', 'nginx:1.25'],
    // Timestamps stay strings (no Date objects).
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
    ['2024-01-02', '2024-01-02'],
    // Quoted scalars and explicit tags are never resolved implicitly.
    ['"yes"', 'yes'],
    ["'0755'", '0755'],
    ['!!str 0755', '0755'],
    ['!!str yes', 'yes'],
    ['!!int "0x1F"', 31],
    ['!!bool "on"', true],
    ['!!timestamp 2024-01-02', '2024-01-02'],
    // Local tags are ignored, as go-yaml ignores them for untyped values.
    ['!Secret abc', 'abc'],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${String(expected)}`, () => {
      assert.ok(Object.is(scalar(input), expected) || scalar(input) === expected);
    });
  }
});

describe('parseGoInteger / parseGoFloat', () => {
  test('out-of-range hex is not an integer', () => {
    assert.equal(parseGoInteger('0x1ffffffffffffffff'), undefined);
    assert.equal(parseGoInteger('0xffffffffffffffff'), 18446744073709552000);
    assert.equal(parseGoInteger('-0x8000000000000001'), undefined);
  });
  test('rejects what Go rejects', () => {
    for (const text of ['', '+', '-', '0b2', '0o8', '1e3', '12a'])
      assert.equal(parseGoInteger(text), undefined, text);
    for (const text of ['', '.', '.e1', 'e1', '1e', '0x1p3', 'inf'])
      assert.equal(parseGoFloat(text), undefined, text);
  });
});

describe('collections and keys', () => {
  test('merge keys copy the source mapping; local keys win', () => {
    const text =
      'base: &base {cpu: 1, memory: 2}\nlimits:\n  <<: *base\n  memory: 3\nmulti:\n  <<: [*base, {disk: 4}]\n';
    const [doc] = parseYamlStream(text, 'm.yaml').documents;
    assert.deepEqual(doc?.value, {
      base: { cpu: 1, memory: 2 },
      limits: { cpu: 1, memory: 3 },
      multi: { cpu: 1, memory: 2, disk: 4 },
    });
  });
  test('`on`/`yes` as keys become "true", as go-yaml would stringify them', () => {
    const [doc] = parseYamlStream('on: 1\n', 'k.yaml').documents;
    assert.deepEqual(doc?.value, { true: 1 });
  });
  test('`__proto__` is an ordinary key, not a prototype', () => {
    const [doc] = parseYamlStream('__proto__: {polluted: true}\n', 'p.yaml').documents;
    const value = doc?.value as Record<string, unknown>;
    assert.deepEqual(Object.keys(value), ['__proto__']);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
