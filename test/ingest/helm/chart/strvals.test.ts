import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../../src/core/errors.js';
import { applySetArgument, typedValue } from '../../../../src/ingest/helm/index.js';

function set(...args: string[]): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  for (const arg of args) applySetArgument(target, arg);
  return target;
}

describe('--set parsing', () => {
  const cases: [string, string[], Record<string, unknown>][] = [
    ['a flat value', ['a=b'], { a: 'b' }],
    ['several values', ['a=b,c=d'], { a: 'b', c: 'd' }],
    ['nested keys', ['a.b.c=x'], { a: { b: { c: 'x' } } }],
    ['merges nested keys', ['a.b=1', 'a.c=2'], { a: { b: 1n, c: 2n } }],
    ['a list', ['a={x,y}'], { a: ['x', 'y'] }],
    ['an empty list', ['a={}'], { a: [] }],
    ['a list followed by a key', ['a={x,y},b=z'], { a: ['x', 'y'], b: 'z' }],
    ['an index', ['a[1]=x'], { a: [null, 'x'] }],
    ['an index then a key', ['a[0].b=x'], { a: [{ b: 'x' }] }],
    ['nested indexes', ['a[0][1]=x'], { a: [[null, 'x']] }],
    ['escaped comma', ['a=b\\,c'], { a: 'b,c' }],
    ['escaped dot in a key', ['a\\.b=c'], { 'a.b': 'c' }],
    ['an empty value', ['a='], { a: '' }],
    [
      'typed values',
      ['t=true,f=FALSE,n=null,z=0,i=42,neg=-3,o=012,f2=1.5'],
      { t: true, f: false, n: null, z: 0n, i: 42n, neg: -3n, o: '012', f2: '1.5' },
    ],
    ['a later value wins', ['a=1', 'a=2'], { a: 2n }],
    ['a scalar replaced by a map', ['a=1', 'a.b=2'], { a: { b: 2n } }],
  ];
  for (const [name, args, expected] of cases)
    it(name, () => {
      assert.deepEqual(set(...args), expected);
    });

  it('--set-string keeps strings', () => {
    const target: Record<string, unknown> = {};
    applySetArgument(target, 'a=true,b=1', (raw) => raw);
    assert.deepEqual(target, { a: 'true', b: '1' });
  });

  const bad = ['a', 'a,b=c', '=x', 'a[x]=1', 'a[99999999]=1', 'a={x', 'a={x}y', 'a[0]x'];
  for (const text of bad)
    it(`refuses ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => set(text),
        (error: unknown) => isCubecapeError(error) && error.code === 'USAGE',
      );
    });

  it('types integers beyond int64 as strings', () => {
    assert.equal(typedValue('99999999999999999999'), '99999999999999999999');
  });
});
