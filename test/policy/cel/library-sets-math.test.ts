import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileCel, isCompileError } from '../../../src/policy/cel/compile.js';

function run(expression: string): unknown {
  const compiled = compileCel(expression);
  if (isCompileError(compiled)) assert.fail(`${expression}: ${compiled.error}`);
  return compiled.evaluate({});
}

/** A uint result as text, since cel-js boxes uints. */
function text(value: unknown): string {
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  const boxed: unknown = typeof value === 'object' && value !== null ? value.valueOf() : value;
  return typeof boxed === 'bigint' ? `${boxed}u` : JSON.stringify(boxed);
}

// Examples from the Kubernetes CEL sets library documentation
// (k8s.io/apiserver/pkg/cel/library/sets.go), each with its documented result.
const SETS: [string, boolean][] = [
  ['sets.contains([], [])', true],
  ['sets.contains([], [1])', false],
  ['sets.contains([1, 2, 3, 4], [2, 3])', true],
  ['sets.contains([1, 2, 3], [3, 2, 1])', true],
  ['sets.equivalent([], [])', true],
  ['sets.equivalent([1], [1, 1])', true],
  ['sets.equivalent([1], [1u, 1.0])', true],
  ['sets.equivalent([1, 2, 3], [3u, 2.0, 1])', true],
  ['sets.intersects([1], [])', false],
  ['sets.intersects([1], [1, 2])', true],
  ['sets.intersects([[1], [2, 3]], [[1, 2], [2, 3.0]])', true],
  // and a few of our own
  ["sets.contains(['a', 'b'], ['c'])", false],
  ['sets.equivalent([1, 2], [1])', false],
  ["sets.intersects(['x'], ['y'])", false],
];

// Examples from the documentation of cel-go's ext.Math, which Kubernetes enables.
const MATH: [string, string][] = [
  ['math.greatest(1)', '1'],
  ['math.greatest(1u, 2u)', '2u'],
  ['math.greatest(-42.0, -21.5, -100.0)', '-21.5'],
  ['math.greatest([-42.0, -21.5, -100.0])', '-21.5'],
  ['math.least(1)', '1'],
  ['math.least(1u, 2u)', '1u'],
  ['math.least(-42.0, -21.5, -100.0)', '-100'],
  ['math.least([-42.0, -21.5, -100.0])', '-100'],
  ['math.greatest(1, 2.5, 2u)', '2.5'],
  ['math.ceil(1.2)', '2'],
  ['math.ceil(-1.2)', '-1'],
  ['math.floor(1.2)', '1'],
  ['math.floor(-1.2)', '-2'],
  ['math.round(1.2)', '1'],
  ['math.round(1.5)', '2'],
  ['math.round(-1.5)', '-2'],
  ['math.round(-1.2)', '-1'],
  ['math.trunc(-1.3)', '-1'],
  ['math.trunc(1.3)', '1'],
  ['math.abs(-1)', '1'],
  ['math.abs(1)', '1'],
  ['math.abs(-2.5)', '2.5'],
  ['math.sign(-42)', '-1'],
  ['math.sign(0)', '0'],
  ['math.sign(42)', '1'],
  ['math.sign(-0.5)', '-1'],
  ['math.isInf(1.0/0.0)', 'true'],
  ['math.isInf(1.2)', 'false'],
  ['math.isNaN(0.0/0.0)', 'true'],
  ['math.isNaN(1.2)', 'false'],
  ['math.isFinite(0.0/0.0)', 'false'],
  ['math.isFinite(1.2)', 'true'],
  ['math.sqrt(81)', '9'],
  ['math.bitAnd(1, 2)', '0'],
  ['math.bitAnd(1u, 3u)', '1u'],
  ['math.bitOr(1u, 2u)', '3u'],
  ['math.bitOr(-2, -4)', '-2'],
  ['math.bitXor(1u, 3u)', '2u'],
  ['math.bitXor(3, 5)', '6'],
  ['math.bitNot(1)', '-2'],
  ['math.bitNot(-1)', '0'],
  ['math.bitNot(0u)', '18446744073709551615u'],
  ['math.bitShiftLeft(1, 2)', '4'],
  ['math.bitShiftLeft(-1, 2)', '-4'],
  ['math.bitShiftLeft(1u, 2)', '4u'],
  ['math.bitShiftLeft(1u, 200)', '0u'],
  ['math.bitShiftRight(1024, 2)', '256'],
  ['math.bitShiftRight(1024u, 64)', '0u'],
  ['math.bitShiftRight(-1024, 3)', '2305843009213693824'],
];

const ERRORS: [string, RegExp][] = [
  ['math.greatest([])', /must not be empty/],
  ["math.greatest(dyn('string'))", /expected a number/],
  ['math.abs(-9223372036854775807 - 1)', /overflow/],
  ['math.bitShiftLeft(1, -2)', /negative shift/],
];

describe('CEL sets library (Kubernetes)', () => {
  for (const [expression, expected] of SETS) {
    it(`${expression} == ${expected}`, () => {
      assert.equal(run(expression), expected);
    });
  }
  it('can be used in a policy expression over an object', () => {
    const compiled = compileCel("sets.contains(['a', 'b', 'c'], object.spec.wanted)");
    if (isCompileError(compiled)) assert.fail(compiled.error);
    assert.equal(compiled.evaluate({ object: { spec: { wanted: ['c', 'a'] } } }), true);
    assert.equal(compiled.evaluate({ object: { spec: { wanted: ['d'] } } }), false);
  });
});

describe('CEL math library (Kubernetes)', () => {
  for (const [expression, expected] of MATH) {
    it(`${expression} == ${expected}`, () => {
      assert.equal(text(run(expression)), expected);
    });
  }
  for (const [expression, error] of ERRORS) {
    it(`${expression} is an error`, () => {
      assert.throws(() => run(expression), error);
    });
  }
});
