// Shared helpers for the differential tests: a seeded PRNG, pair generation, and running the
// real tools (dpkg, rpm, Maven, Python) that define each ecosystem's order.
import { spawn, spawnSync } from 'node:child_process';

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

function runShard(
  command: string,
  args: readonly string[],
  install: string,
  input: string,
): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      reject(
        new Error(`oracle "${command}" is not runnable (${error.message}); install it: ${install}`),
      );
    });
    child.on('close', (status) => {
      if (status === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(new Error(`oracle "${command}" exited ${status}: ${Buffer.concat(err).toString()}`));
    });
    child.stdin.end(input);
  });
}

/**
 * Like `runTool`, for oracles that fork once per input line (dpkg): splits `lines` into
 * `shards` contiguous runs, runs them at the same time and joins the outputs in order.
 */
export async function runToolSharded(
  command: string,
  args: readonly string[],
  install: string,
  lines: readonly string[],
  shards = 2,
): Promise<string> {
  const size = Math.ceil(lines.length / shards);
  const inputs = Array.from({ length: shards }, (_, i) =>
    lines.slice(i * size, (i + 1) * size).join(''),
  );
  const outputs = await Promise.all(inputs.map((input) => runShard(command, args, install, input)));
  return outputs.join('');
}

/** The one summary line each differential test reports, so the figures can be quoted. */
export function agreement(
  ecosystem: string,
  total: number,
  wrong: number,
  counts: { readonly generated: number; readonly real: number; readonly hand: number },
): string {
  const { generated, real, hand } = counts;
  return `${ecosystem} oracle: ${total - wrong}/${total} pairs agree (${generated} generated, ${real} real, ${hand} hand)`;
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
