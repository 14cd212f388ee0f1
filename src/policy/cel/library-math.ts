import type { Environment } from '@marcbachmann/cel-js';
import { tick } from './budget.js';
import { celFail, checkInt64 } from './values.js';

/** The receiver of `math.*` calls: cel-js has no namespaced functions, so `math` is a constant. */
class MathLibrary {
  readonly name = 'math';
}

type Kind = 'int' | 'uint' | 'double';

/** cel-js boxes uint values in an object whose valueOf() is the bigint. */
function isUint(value: unknown): value is { valueOf(): bigint } {
  return value !== null && typeof value === 'object' && typeof value.valueOf() === 'bigint';
}

function kindOf(value: unknown): Kind | undefined {
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  return isUint(value) ? 'uint' : undefined;
}

function numeric(value: unknown, fn: string): bigint | number {
  const kind = kindOf(value);
  if (kind === undefined) celFail(`${fn}: expected a number, got ${typeof value}`);
  return isUint(value) ? value.valueOf() : (value as bigint | number);
}

/** Orders numbers of any CEL numeric type by value. */
function compare(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** math.greatest / math.least: the chosen argument itself, with its own type. */
function extreme(values: readonly unknown[], sign: 1 | -1, fn: string): unknown {
  const list = values.length === 1 && Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  tick(1 + list.length);
  if (list.length === 0) celFail(`${fn}(list) argument must not be empty`);
  let best = list[0];
  for (const item of list.slice(1)) {
    if (compare(numeric(item, fn), numeric(best, fn)) * sign > 0) best = item;
  }
  numeric(best, fn);
  return best;
}

/** A uint result, boxed like the uint argument it came from. */
function uintLike(template: { valueOf(): bigint }, value: bigint): unknown {
  const Ctor = template.constructor as new (value: bigint) => unknown;
  return new Ctor(BigInt.asUintN(64, value));
}

function shiftCount(count: bigint, fn: string): bigint {
  if (count < 0n) celFail(`${fn}: negative shift count ${count}`);
  return count;
}

function registerExtremes(env: Environment): void {
  for (const [name, sign] of [
    ['greatest', 1],
    ['least', -1],
  ] as const) {
    for (let arity = 1; arity <= 8; arity++) {
      const params = Array.from({ length: arity }, () => 'dyn').join(', ');
      env.registerFunction(
        `MathLibrary.${name}(${params}): dyn`,
        (_: unknown, ...args: unknown[]) => extreme(args, sign, `math.${name}`),
      );
    }
  }
}

function registerRounding(env: Environment): void {
  const round = (x: number): number =>
    Number.isFinite(x) ? Math.sign(x) * Math.round(Math.abs(x)) : x;
  const doubles: readonly [string, (x: number) => unknown][] = [
    ['ceil', Math.ceil],
    ['floor', Math.floor],
    ['round', round],
    ['trunc', Math.trunc],
    ['isInf', (x) => x === Infinity || x === -Infinity],
    ['isNaN', Number.isNaN],
    ['isFinite', Number.isFinite],
  ];
  for (const [name, fn] of doubles) {
    const type = name.startsWith('is') ? 'bool' : 'double';
    env.registerFunction(`MathLibrary.${name}(double): ${type}`, (_: unknown, x: number) => fn(x));
  }
  env
    .registerFunction('MathLibrary.abs(int): int', (_: unknown, x: bigint) =>
      checkInt64(x < 0n ? -x : x),
    )
    .registerFunction('MathLibrary.abs(double): double', (_: unknown, x: number) => Math.abs(x))
    .registerFunction('MathLibrary.abs(uint): uint', (_: unknown, x: unknown) => x)
    .registerFunction('MathLibrary.sign(int): int', (_: unknown, x: bigint) =>
      x < 0n ? -1n : x > 0n ? 1n : 0n,
    )
    .registerFunction('MathLibrary.sign(double): double', (_: unknown, x: number) => Math.sign(x))
    .registerFunction('MathLibrary.sign(uint): uint', (_: unknown, x: { valueOf(): bigint }) =>
      uintLike(x, x.valueOf() > 0n ? 1n : 0n),
    );
  for (const type of ['int', 'uint', 'double']) {
    env.registerFunction(`MathLibrary.sqrt(${type}): double`, (_: unknown, x: unknown) =>
      Math.sqrt(Number(numeric(x, 'math.sqrt'))),
    );
  }
}

function registerBits(env: Environment): void {
  const ops: readonly [string, (a: bigint, b: bigint) => bigint][] = [
    ['bitAnd', (a, b) => a & b],
    ['bitOr', (a, b) => a | b],
    ['bitXor', (a, b) => a ^ b],
  ];
  for (const [name, op] of ops) {
    env
      .registerFunction(`MathLibrary.${name}(int, int): int`, (_: unknown, a: bigint, b: bigint) =>
        BigInt.asIntN(64, op(a, b)),
      )
      .registerFunction(
        `MathLibrary.${name}(uint, uint): uint`,
        (_: unknown, a: { valueOf(): bigint }, b: { valueOf(): bigint }) =>
          uintLike(a, op(a.valueOf(), b.valueOf())),
      );
  }
  env
    .registerFunction('MathLibrary.bitNot(int): int', (_: unknown, a: bigint) =>
      BigInt.asIntN(64, ~a),
    )
    .registerFunction('MathLibrary.bitNot(uint): uint', (_: unknown, a: { valueOf(): bigint }) =>
      uintLike(a, ~a.valueOf()),
    )
    .registerFunction(
      'MathLibrary.bitShiftLeft(int, int): int',
      (_: unknown, a: bigint, n: bigint) =>
        shiftCount(n, 'math.bitShiftLeft') >= 64n ? 0n : BigInt.asIntN(64, a << n),
    )
    .registerFunction(
      'MathLibrary.bitShiftLeft(uint, int): uint',
      (_: unknown, a: { valueOf(): bigint }, n: bigint) =>
        uintLike(a, shiftCount(n, 'math.bitShiftLeft') >= 64n ? 0n : a.valueOf() << n),
    )
    // Right shifts are logical, for ints too (as cel-go's ext.Math does).
    .registerFunction(
      'MathLibrary.bitShiftRight(int, int): int',
      (_: unknown, a: bigint, n: bigint) =>
        shiftCount(n, 'math.bitShiftRight') >= 64n
          ? 0n
          : BigInt.asIntN(64, BigInt.asUintN(64, a) >> n),
    )
    .registerFunction(
      'MathLibrary.bitShiftRight(uint, int): uint',
      (_: unknown, a: { valueOf(): bigint }, n: bigint) =>
        uintLike(a, shiftCount(n, 'math.bitShiftRight') >= 64n ? 0n : a.valueOf() >> n),
    );
}

/**
 * The CEL `math` extension Kubernetes enables: math.greatest/least (1 to 8 arguments or a list),
 * ceil, floor, round, trunc, abs, sign, sqrt, isInf, isNaN, isFinite and the bit operations.
 */
export function registerMathLibrary(env: Environment): void {
  env
    .registerType('MathLibrary', { ctor: MathLibrary, fields: {} })
    .registerConstant('math', 'MathLibrary', new MathLibrary());
  registerExtremes(env);
  registerRounding(env);
  registerBits(env);
}
