// Shared helpers for the differential tests: a seeded PRNG, pair generation, and running the
// real tools (dpkg, rpm, Maven, Python) that define each ecosystem's order.
import { spawnSync } from 'node:child_process';

import type { VersionScheme } from '../../../src/vuln/version/scheme.js';

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Concatenates 1..max tokens chosen from `tokens`. */
export function tokens(random: () => number, list: readonly string[], max: number): string {
  const count = 1 + Math.floor(random() * max);
  return Array.from({ length: count }, () => pick(random, list)).join('');
}

/**
 * Pairs that are often close to each other (so comparisons reach the later, trickier parts):
 * half the time `b` is `a` with a random suffix change, otherwise both are independent.
 */
export function generatePairs(
  random: () => number,
  count: number,
  make: () => string,
  mutate: (a: string) => string,
  accept: (v: string) => boolean,
): [string, string][] {
  const pairs: [string, string][] = [];
  let guard = 0;
  while (pairs.length < count && guard++ < count * 50) {
    const a = make();
    const b = random() < 0.5 ? mutate(a) : make();
    if (accept(a) && accept(b)) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * Runs a tool; a missing tool fails the test with the install command, never skips it.
 */
export function runTool(
  command: string,
  args: readonly string[],
  install: string,
  input?: string,
): string {
  const result = spawnSync(command, args, { input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error !== undefined) {
    throw new Error(
      `oracle "${command}" is not runnable (${result.error.message}); install it: ${install}`,
    );
  }
  if (result.status !== 0) {
    throw new Error(
      `oracle "${command} ${args.join(' ')}" exited ${result.status}: ${result.stderr}`,
    );
  }
  return result.stdout;
}

export interface Mismatch {
  readonly a: string;
  readonly b: string;
  readonly expected: number;
  readonly actual: number | string;
}

/** Compares our scheme with oracle results pair by pair; returns every disagreement. */
export function mismatches(
  scheme: VersionScheme,
  pairs: readonly (readonly [string, string])[],
  expected: readonly number[],
): Mismatch[] {
  const out: Mismatch[] = [];
  pairs.forEach(([a, b], i) => {
    const want = expected[i];
    if (want === undefined)
      throw new Error(`oracle returned ${expected.length} results for ${pairs.length} pairs`);
    let actual: number | string;
    try {
      actual = scheme.compare(a, b);
    } catch (error) {
      actual = error instanceof Error ? error.message : String(error);
    }
    if (actual !== want) out.push({ a, b, expected: want, actual });
  });
  return out;
}

/** Parses oracle output lines of -1 / 0 / 1 (or any signed integer) into signs. */
export function parseSigns(output: string): number[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => Math.sign(Number.parseInt(line.trim(), 10)));
}
