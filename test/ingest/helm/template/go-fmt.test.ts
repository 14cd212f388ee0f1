import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatFloat, formatFloatV } from '../../../../src/ingest/helm/template/go-float.js';
import { sprint, sprintf } from '../../../../src/ingest/helm/template/go-fmt.js';
import { fromJsValue } from '../../../../src/ingest/helm/template/funcs/go-json.js';

describe('Go float formatting', () => {
  const rows: [number, string][] = [
    [1e6, '1e+06'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [3.14, '3.14'],
    [-0, '-0'],
    [1e21, '1e+21'],
    [Number.NaN, 'NaN'],
    [Number.NEGATIVE_INFINITY, '-Inf'],
  ];
  for (const [value, want] of rows)
    it(`%v of ${String(value)}`, () => {
      assert.equal(formatFloatV(value), want);
    });

  it('rounds %.Nf exactly, ties to even', () => {
    assert.equal(formatFloat(2.5, 'f', 0), '2');
    assert.equal(formatFloat(3.5, 'f', 0), '4');
    assert.equal(formatFloat(0.05, 'f', 1), '0.1');
    assert.equal(formatFloat(1.25, 'f', 1), '1.2');
    assert.equal(formatFloat(1e21, 'f', 0), '1000000000000000000000');
  });
});

describe('Go fmt', () => {
  const data = fromJsValue({ l: [1, 'a', null], m: { b: 1, a: [2] } });
  const rows: [string, unknown[], string][] = [
    ['%v', [data], 'map[l:[1 a <nil>] m:map[a:[2] b:1]]'],
    ['%s|%d', ['x', 3n], 'x|3'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [null], '%!s(<nil>)'],
    ['%s %s', ['a'], 'a %!s(MISSING)'],
    ['%s', ['a', 'b'], 'a%!(EXTRA string=b)'],
    ['%5.1f|%-5d|%05d', [3.14159, 42n, -42n], '  3.1|42   |-0042'],
    ['%x %X %o %b %c %U', [255n, 255n, 8n, 5n, 65n, 65n], 'ff FF 10 101 A U+0041'],
    ['%q %+q %#q', ['a\n', 'é', 'a'], '"a\\n" "\\u00e9" `a`'],
    ['%T %T %T', [1n, 1.5, 'x'], 'int float64 string'],
    ['%#v', [fromJsValue([1, 'a', null])], '[]interface {}{1, "a", interface {}(nil)}'],
    ['%!', [], '%!!(MISSING)'],
    ['%', [], '%!(NOVERB)'],
  ];
  for (const [format, args, want] of rows) {
    it(`Sprintf(${JSON.stringify(format)})`, () => {
      assert.equal(sprintf(format, args as never), want);
    });
  }

  it('spaces Sprint operands only between non-strings', () => {
    assert.equal(sprint([1n, 2n, 'a', 'b', 3n]), '1 2ab3');
  });
});
