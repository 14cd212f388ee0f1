/** Go template comparison functions (eq, ne, lt, le, gt, ge) with Go's type rules. */
import { fn, type FunctionMap } from './functions.js';
import { GoObject, compareGoStrings, type GoValue } from './values.js';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid' | 'other';

function basicKind(value: GoValue): BasicKind {
  if (value === undefined || value === null) return 'invalid';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'other';
  }
}

const BAD_COMPARISON = 'incompatible types for comparison';
const BAD_TYPE = 'invalid type for comparison';

function eqOne(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka !== kb) {
    if (ka !== 'invalid' && kb !== 'invalid') throw new Error(BAD_COMPARISON);
    return false;
  }
  if (ka === 'invalid') return true;
  if (ka === 'other') {
    if (a instanceof GoObject && b instanceof GoObject) return a.toGoString() === b.toGoString();
    if (typeof a === 'function' || typeof b === 'function') throw new Error(`non-comparable type`);
    throw new Error(
      `non-comparable type ${Array.isArray(b) ? '[]interface {}' : 'map[string]interface {}'}`,
    );
  }
  return a === b;
}

function eq(args: GoValue[]): boolean {
  const [first, ...rest] = args;
  if (rest.length === 0) throw new Error('missing argument for comparison');
  return rest.some((other) => eqOne(first, other));
}

function lt(a: GoValue, b: GoValue): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'invalid' || kb === 'invalid' || ka === 'other' || kb === 'other')
    throw new Error(BAD_TYPE);
  if (ka !== kb) throw new Error(BAD_COMPARISON);
  if (ka === 'bool') throw new Error(BAD_TYPE);
  if (ka === 'string') return compareGoStrings(a as string, b as string) < 0;
  return (a as number | bigint) < (b as number | bigint);
}

/** The comparison builtins. */
export const comparisonFunctions: FunctionMap = {
  eq: fn(['any'], (args) => eq(args), 'any'),
  ne: fn(['any', 'any'], ([a, b]) => !eq([a, b])),
  lt: fn(['any', 'any'], ([a, b]) => lt(a, b)),
  le: fn(['any', 'any'], ([a, b]) => lt(a, b) || eq([a, b])),
  gt: fn(['any', 'any'], ([a, b]) => !(lt(a, b) || eq([a, b]))),
  ge: fn(['any', 'any'], ([a, b]) => !lt(a, b)),
};
