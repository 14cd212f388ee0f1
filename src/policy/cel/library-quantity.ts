import type { Environment } from '@marcbachmann/cel-js';
import { celFail, checkInt64 } from './values.js';

const BINARY: Readonly<Record<string, bigint>> = {
  Ki: 1024n,
  Mi: 1024n ** 2n,
  Gi: 1024n ** 3n,
  Ti: 1024n ** 4n,
  Pi: 1024n ** 5n,
  Ei: 1024n ** 6n,
};
const DECIMAL: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const GRAMMAR = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** A Kubernetes `resource.Quantity`, held exactly as `units / 10^scale`. */
export class Quantity {
  constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  /** Parses `500m`, `1.5Gi`, `2e3`; undefined when the text is not a quantity. */
  static parse(text: string): Quantity | undefined {
    const match = GRAMMAR.exec(text);
    if (match === null) return undefined;
    const [, sign = '', number = '', suffix = ''] = match;
    const [whole = '', fraction = ''] = number.split('.');
    let units = BigInt((whole === '' ? '0' : whole) + fraction);
    let scale = fraction.length;
    const binary = BINARY[suffix];
    if (binary !== undefined) units *= binary;
    else {
      const exponent = DECIMAL[suffix] ?? Number(suffix.slice(1));
      if (Math.abs(exponent) > 1000) return undefined;
      if (exponent >= 0) units *= 10n ** BigInt(exponent);
      else scale -= exponent;
    }
    return new Quantity(sign === '-' ? -units : units, scale);
  }

  private aligned(other: Quantity): [bigint, bigint, number] {
    const scale = Math.max(this.scale, other.scale);
    return [
      this.units * 10n ** BigInt(scale - this.scale),
      other.units * 10n ** BigInt(scale - other.scale),
      scale,
    ];
  }

  compareTo(other: Quantity): bigint {
    const [a, b] = this.aligned(other);
    return a < b ? -1n : a > b ? 1n : 0n;
  }

  add(other: Quantity): Quantity {
    const [a, b, scale] = this.aligned(other);
    return new Quantity(a + b, scale);
  }

  sub(other: Quantity): Quantity {
    const [a, b, scale] = this.aligned(other);
    return new Quantity(a - b, scale);
  }

  isInteger(): boolean {
    return this.units % 10n ** BigInt(this.scale) === 0n;
  }

  asInteger(): bigint {
    if (!this.isInteger()) celFail('asInteger: the quantity is not an integer');
    return checkInt64(this.units / 10n ** BigInt(this.scale));
  }

  asApproximateFloat(): number {
    return Number(this.units) / 10 ** this.scale;
  }

  sign(): bigint {
    return this.units > 0n ? 1n : this.units < 0n ? -1n : 0n;
  }
}

function quantity(text: string): Quantity {
  return Quantity.parse(text) ?? celFail(`quantity: ${JSON.stringify(text)} is not a quantity`);
}

const fromInt = (value: bigint): Quantity => new Quantity(value, 0);

/** Registers the Kubernetes quantity library (`quantity()`, `isQuantity()`, comparisons, math). */
export function registerQuantityLibrary(env: Environment): void {
  env.registerType('Quantity', Quantity);
  env
    .registerFunction('quantity(string): Quantity', quantity)
    .registerFunction('isQuantity(string): bool', (t: string) => Quantity.parse(t) !== undefined)
    .registerFunction('Quantity.isInteger(): bool', (q: Quantity) => q.isInteger())
    .registerFunction('Quantity.asInteger(): int', (q: Quantity) => q.asInteger())
    .registerFunction('Quantity.asApproximateFloat(): double', (q: Quantity) =>
      q.asApproximateFloat(),
    )
    .registerFunction('Quantity.sign(): int', (q: Quantity) => q.sign())
    .registerFunction('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) =>
      a.compareTo(b),
    )
    .registerFunction(
      'Quantity.isLessThan(Quantity): bool',
      (a: Quantity, b: Quantity) => a.compareTo(b) < 0n,
    )
    .registerFunction(
      'Quantity.isGreaterThan(Quantity): bool',
      (a: Quantity, b: Quantity) => a.compareTo(b) > 0n,
    )
    .registerFunction('Quantity.add(Quantity): Quantity', (a: Quantity, b: Quantity) => a.add(b))
    .registerFunction('Quantity.add(int): Quantity', (a: Quantity, b: bigint) => a.add(fromInt(b)))
    .registerFunction('Quantity.sub(Quantity): Quantity', (a: Quantity, b: Quantity) => a.sub(b))
    .registerFunction('Quantity.sub(int): Quantity', (a: Quantity, b: bigint) => a.sub(fromInt(b)));
}
