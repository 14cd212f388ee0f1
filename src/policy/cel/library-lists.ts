import type { Environment } from '@marcbachmann/cel-js';
import { tick } from './budget.js';
import { listIndexOf } from './library-strings.js';
import { celCompare, celEquals, celFail, checkInt64, toSafeInt } from './values.js';

function isSorted(list: readonly unknown[]): boolean {
  tick(1 + list.length);
  for (let i = 1; i < list.length; i++) if (celCompare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function sum(list: readonly unknown[]): unknown {
  tick(1 + list.length);
  if (list.length === 0) return 0n;
  if (list.every((item) => typeof item === 'bigint')) {
    return checkInt64(list.reduce<bigint>((total, item) => total + item, 0n));
  }
  if (list.every((item) => typeof item === 'number')) {
    return list.reduce<number>((total, item) => total + item, 0);
  }
  return celFail('sum: expected a list of ints or a list of doubles');
}

function extreme(list: readonly unknown[], sign: 1 | -1, name: string): unknown {
  tick(1 + list.length);
  if (list.length === 0) celFail(`${name}: the list is empty`);
  let best = list[0];
  for (const item of list.slice(1)) if (celCompare(item, best) * sign > 0) best = item;
  return best;
}

function slice(list: readonly unknown[], start: bigint, end: bigint): unknown[] {
  const from = toSafeInt(start);
  const to = toSafeInt(end);
  if (from < 0 || to < from || to > list.length) {
    celFail(`slice: indexes ${from}..${to} out of range for a list of ${list.length}`);
  }
  tick(1 + to - from);
  return list.slice(from, to);
}

function flatten(list: readonly unknown[], depth: bigint): unknown[] {
  if (depth < 0n) celFail('flatten: depth must not be negative');
  tick(1 + list.length);
  return (list as unknown[]).flat(Math.min(toSafeInt(depth), 64));
}

function distinct(list: readonly unknown[]): unknown[] {
  tick(1 + list.length * list.length);
  const out: unknown[] = [];
  for (const item of list) if (!out.some((seen) => celEquals(seen, item))) out.push(item);
  return out;
}

/** Registers the Kubernetes list library and the list extensions (slice, flatten, ...). */
export function registerListLibrary(env: Environment): void {
  env
    .registerFunction('list.isSorted(): bool', isSorted)
    .registerFunction('list.sum(): dyn', sum)
    .registerFunction('list.min(): dyn', (list: unknown[]) => extreme(list, -1, 'min'))
    .registerFunction('list.max(): dyn', (list: unknown[]) => extreme(list, 1, 'max'))
    .registerFunction('list.indexOf(dyn): int', (list: unknown[], x: unknown) =>
      listIndexOf(list, x, false),
    )
    .registerFunction('list.lastIndexOf(dyn): int', (list: unknown[], x: unknown) =>
      listIndexOf(list, x, true),
    )
    .registerFunction('list.slice(int, int): list', slice)
    .registerFunction('list.flatten(): list', (list: unknown[]) => flatten(list, 1n))
    .registerFunction('list.flatten(int): list', flatten)
    .registerFunction('list.distinct(): list', distinct)
    .registerFunction('list.reverse(): list', (list: unknown[]) => [...list].reverse())
    .registerFunction('list.sort(): list', (list: unknown[]) => {
      tick(1 + list.length * 8);
      return [...list].sort(celCompare);
    });
}
