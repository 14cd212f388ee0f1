import type { Environment } from '@marcbachmann/cel-js';
import { tick } from './budget.js';
import { celEquals } from './values.js';

/** The receiver of `sets.*` calls: cel-js has no namespaced functions, so `sets` is a constant. */
class SetsLibrary {
  readonly name = 'sets';
}

/** A CEL uint (cel-js boxes it) as its bigint value; other values unchanged, lists deeply. */
export function unboxUint(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unboxUint);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const primitive: unknown = value.valueOf();
    if (typeof primitive === 'bigint') return primitive;
  }
  return value;
}

function member(list: readonly unknown[], item: unknown): boolean {
  return list.some((candidate) => celEquals(candidate, item));
}

/** Every element of `sub` is in `list` (CEL equality, so 1, 1u and 1.0 are the same). */
function contains(list: readonly unknown[], sub: readonly unknown[]): boolean {
  tick(1 + list.length * sub.length);
  const a = list.map(unboxUint);
  return sub.every((item) => member(a, unboxUint(item)));
}

function intersects(a: readonly unknown[], b: readonly unknown[]): boolean {
  tick(1 + a.length * b.length);
  const left = a.map(unboxUint);
  return b.some((item) => member(left, unboxUint(item)));
}

/** The Kubernetes `sets` library: sets.contains, sets.equivalent and sets.intersects on lists. */
export function registerSetsLibrary(env: Environment): void {
  env
    .registerType('SetsLibrary', { ctor: SetsLibrary, fields: {} })
    .registerConstant('sets', 'SetsLibrary', new SetsLibrary())
    .registerFunction(
      'SetsLibrary.contains(list, list): bool',
      (_: unknown, a: unknown[], b: unknown[]) => contains(a, b),
    )
    .registerFunction(
      'SetsLibrary.equivalent(list, list): bool',
      (_: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a),
    )
    .registerFunction(
      'SetsLibrary.intersects(list, list): bool',
      (_: unknown, a: unknown[], b: unknown[]) => intersects(a, b),
    );
}
