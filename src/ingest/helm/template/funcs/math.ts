/** sprig's arithmetic: integer functions in int64, float functions through exact decimals. */
import { fn, type FunctionMap } from '../functions.js';
import { sprintOne } from '../go-fmt.js';
import { toInt64, type GoValue } from '../values.js';
import { castToFloat64, castToInt64 } from './cast.js';

interface Decimal {
  readonly coef: bigint;
  readonly exp: number;
}

/** shopspring's NewFromFloat: the shortest decimal that round-trips the float. */
function fromFloat(value: number): Decimal {
  if (!Number.isFinite(value)) throw new Error(`Cannot create a Decimal from ${String(value)}`);
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '').replace('-', '');
  const fracDigits = (mantissa.split('.')[1] ?? '').length;
  const sign = value < 0 ? -1n : 1n;
  return { coef: sign * BigInt(digits), exp: Number(exponent) - fracDigits };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

function toFloat(d: Decimal): number {
  return Number(`${d.coef.toString()}e${String(d.exp)}`);
}

const DIVISION_PRECISION = 16;

function divide(a: Decimal, b: Decimal): Decimal {
  if (b.coef === 0n) throw new Error('decimal division by 0');
  // quotient rounded half away from zero to DIVISION_PRECISION places
  const shift = a.exp - b.exp + DIVISION_PRECISION + 1;
  const num = shift >= 0 ? a.coef * 10n ** BigInt(shift) : a.coef;
  const den = shift >= 0 ? b.coef : b.coef * 10n ** BigInt(-shift);
  let q = num / den;
  const negative = q < 0n;
  if (negative) q = -q;
  q = (q + 5n) / 10n;
  return { coef: negative ? -q : q, exp: -DIVISION_PRECISION };
}

type Op = (a: Decimal, b: Decimal) => Decimal;

const ADD: Op = (a, b) => {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
};
const SUB: Op = (a, b) => {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
};
const MUL: Op = (a, b) => ({ coef: a.coef * b.coef, exp: a.exp + b.exp });

function decimalOp(first: GoValue, rest: GoValue[], op: Op): number {
  let acc = fromFloat(castToFloat64(first));
  for (const v of rest) acc = op(acc, fromFloat(castToFloat64(v)));
  return toFloat(acc);
}

function intDiv(a: bigint, b: bigint, mod: boolean): bigint {
  if (b === 0n) throw new Error('runtime error: integer divide by zero');
  return toInt64(mod ? a % b : a / b);
}

function round(value: number, places: number, roundOn: number): number {
  const pow = 10 ** places;
  const digit = pow * value;
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
}

const i64 = castToInt64;

/** The math family. */
export const mathFunctions: FunctionMap = {
  add1: fn(['any'], ([v]) => toInt64(i64(v) + 1n)),
  add: fn([], (args) => toInt64(args.reduce<bigint>((a, v) => a + i64(v), 0n)), 'any'),
  sub: fn(['any', 'any'], ([a, b]) => toInt64(i64(a) - i64(b))),
  div: fn(['any', 'any'], ([a, b]) => intDiv(i64(a), i64(b), false)),
  mod: fn(['any', 'any'], ([a, b]) => intDiv(i64(a), i64(b), true)),
  mul: fn(
    ['any'],
    ([a, ...rest]) => rest.reduce<bigint>((acc, v) => toInt64(acc * i64(v)), i64(a)),
    'any',
  ),
  max: fn(
    ['any'],
    ([a, ...rest]) => rest.reduce<bigint>((m, v) => (i64(v) > m ? i64(v) : m), i64(a)),
    'any',
  ),
  biggest: fn(
    ['any'],
    ([a, ...rest]) => rest.reduce<bigint>((m, v) => (i64(v) > m ? i64(v) : m), i64(a)),
    'any',
  ),
  min: fn(
    ['any'],
    ([a, ...rest]) => rest.reduce<bigint>((m, v) => (i64(v) < m ? i64(v) : m), i64(a)),
    'any',
  ),
  maxf: fn(
    ['any'],
    ([a, ...rest]) =>
      rest.reduce<number>((m, v) => Math.max(m, castToFloat64(v)), castToFloat64(a)),
    'any',
  ),
  minf: fn(
    ['any'],
    ([a, ...rest]) =>
      rest.reduce<number>((m, v) => Math.min(m, castToFloat64(v)), castToFloat64(a)),
    'any',
  ),
  floor: fn(['any'], ([v]) => Math.floor(castToFloat64(v))),
  ceil: fn(['any'], ([v]) => Math.ceil(castToFloat64(v))),
  round: fn(
    ['any', 'int'],
    ([v, p, ...opt]) =>
      round(castToFloat64(v), Number(p), typeof opt[0] === 'number' ? opt[0] : 0.5),
    'float64',
  ),
  add1f: fn(['any'], ([v]) => decimalOp(v, [1], ADD)),
  addf: fn([], (args) => decimalOp(0, args, ADD), 'any'),
  subf: fn(['any'], ([a, ...rest]) => decimalOp(a, rest, SUB), 'any'),
  mulf: fn(['any'], ([a, ...rest]) => decimalOp(a, rest, MUL), 'any'),
  divf: fn(['any'], ([a, ...rest]) => decimalOp(a, rest, divide), 'any'),
  int64: fn(['any'], ([v]) => i64(v)),
  int: fn(['any'], ([v]) => i64(v)),
  float64: fn(['any'], ([v]) => castToFloat64(v)),
  toDecimal: fn(['any'], ([v]) => {
    const m = /^([+-]?)([0-7]+)$/.exec(sprintOne(v));
    if (m === null) return 0n;
    const value = BigInt(`0o${m[2] ?? '0'}`) * (m[1] === '-' ? -1n : 1n);
    return toInt64(value) === value ? value : 0n;
  }),
  randInt: fn(['int', 'int'], ([lo, hi], ctx) => {
    const min = lo as bigint;
    const span = (hi as bigint) - min;
    if (span <= 0n) throw new Error('invalid argument to Intn');
    return min + BigInt(Math.floor(ctx.environment.random() * Number(span)));
  }),
};
