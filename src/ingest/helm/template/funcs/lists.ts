/** sprig's list functions, plus `until`/`seq` which build integer lists. */
import { fn, type CallContext, type FunctionMap } from '../functions.js';
import type { GoValue } from '../values.js';
import { asList, castToInt64, deepEqual, isEmpty } from './cast.js';

const MAX_LIST = 10_000_000;

/** Charges the step budget for a list of the size `untilStep` would build, before building it. */
function chargeRange(ctx: CallContext, start: bigint, stop: bigint, step: bigint): void {
  if (step === 0n) return;
  const span = (stop - start) / step;
  if (span > 0n) ctx.charge(span > BigInt(MAX_LIST) ? MAX_LIST + 1 : Number(span));
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  if (step === 0n) return out;
  if (stop < start) {
    if (step >= 0n) return out;
    for (let i = start; i > stop; i += step) {
      if (out.length >= MAX_LIST) throw new Error('list too large');
      out.push(i);
    }
    return out;
  }
  if (step <= 0n) return out;
  for (let i = start; i < stop; i += step) {
    if (out.length >= MAX_LIST) throw new Error('list too large');
    out.push(i);
  }
  return out;
}

function seq(params: bigint[]): string {
  const run = (start: bigint, end: bigint, step: bigint): string =>
    untilStep(start, end, step).join(' ');
  switch (params.length) {
    case 1: {
      const end = params[0] ?? 0n;
      const inc = end < 1n ? -1n : 1n;
      return run(1n, end + inc, inc);
    }
    case 2: {
      const [start = 0n, end = 0n] = params;
      const step = end < start ? -1n : 1n;
      return run(start, end + step, step);
    }
    case 3: {
      const [start = 0n, step = 0n, end = 0n] = params;
      let inc = 1n;
      if (end < start) {
        inc = -1n;
        if (step > 0n) return '';
      }
      return run(start, end + inc, step);
    }
    default:
      return '';
  }
}

function uniq(list: GoValue[]): GoValue[] {
  const out: GoValue[] = [];
  for (const item of list) if (!out.some((o) => deepEqual(o, item))) out.push(item);
  return out;
}

function sliceList(list: GoValue[], indices: GoValue[]): GoValue[] {
  const [lo, hi] = indices.map((i) => Number(castToInt64(i)));
  const start = lo ?? 0;
  const end = hi ?? list.length;
  if (start < 0 || end < start || end > list.length) {
    throw new Error(`runtime error: slice bounds out of range [${String(start)}:${String(end)}]`);
  }
  return list.slice(start, end);
}

function chunk(size: number, list: GoValue[]): GoValue[][] {
  if (size <= 0) throw new Error('runtime error: integer divide by zero');
  const out: GoValue[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function concat(lists: GoValue[]): GoValue[] {
  return lists.flatMap((l) => {
    if (!Array.isArray(l))
      throw new Error(
        `Cannot concat type ${l === null || l === undefined ? '<nil>' : typeof l} as list`,
      );
    return l;
  });
}

/** Builds the plain and `must` variants, which differ only in how Go reports failure. */
function both(name: string, f: FunctionMap[string]): FunctionMap {
  const must = `must${name.charAt(0).toUpperCase()}${name.slice(1)}`;
  return { [name]: f, [must]: f };
}

/** The list family. */
export const listFunctions: FunctionMap = {
  list: fn([], (args) => [...args], 'any'),
  tuple: fn([], (args) => [...args], 'any'),
  ...both(
    'first',
    fn(['any'], ([l]) => asList(l, 'find first').at(0) ?? null),
  ),
  ...both(
    'last',
    fn(['any'], ([l]) => asList(l, 'find last').at(-1) ?? null),
  ),
  ...both(
    'rest',
    fn(['any'], ([l]) => {
      const list = asList(l, 'find rest');
      return list.slice(1);
    }),
  ),
  ...both(
    'initial',
    fn(['any'], ([l]) => {
      const list = asList(l, 'find initial');
      return list.slice(0, -1);
    }),
  ),
  ...both(
    'append',
    fn(['any', 'any'], ([l, v]) => [...asList(l, 'push'), v]),
  ),
  ...both(
    'push',
    fn(['any', 'any'], ([l, v]) => [...asList(l, 'push'), v]),
  ),
  ...both(
    'prepend',
    fn(['any', 'any'], ([l, v]) => [v, ...asList(l, 'prepend')]),
  ),
  ...both(
    'reverse',
    fn(['any'], ([l]) => [...asList(l, 'find reverse')].reverse()),
  ),
  ...both(
    'uniq',
    fn(['any'], ([l]) => uniq(asList(l, 'find uniq'))),
  ),
  ...both(
    'compact',
    fn(['any'], ([l]) => asList(l, 'compact').filter((v) => !isEmpty(v))),
  ),
  ...both(
    'without',
    fn(
      ['any'],
      ([l, ...omit]) => asList(l, 'find without').filter((v) => !omit.some((o) => deepEqual(o, v))),
      'any',
    ),
  ),
  ...both(
    'has',
    fn(['any', 'any'], ([needle, hay]) => {
      if (hay === null || hay === undefined) return false;
      return asList(hay, 'find has').some((v) => deepEqual(v, needle));
    }),
  ),
  ...both(
    'slice',
    fn(['any'], ([l, ...idx]) => sliceList(asList(l, 'slice'), idx), 'any'),
  ),
  ...both(
    'chunk',
    fn(['int', 'any'], ([n, l]) => chunk(Number(n), asList(l, 'chunk'))),
  ),
  concat: fn([], concat, 'any'),
  until: fn(['int'], ([n], ctx) => {
    const count = n as bigint;
    const step = count < 0n ? -1n : 1n;
    chargeRange(ctx, 0n, count, step);
    return untilStep(0n, count, step);
  }),
  untilStep: fn(['int', 'int', 'int'], ([a, b, c], ctx) => {
    chargeRange(ctx, a as bigint, b as bigint, c as bigint);
    return untilStep(a as bigint, b as bigint, c as bigint);
  }),
  seq: fn(
    [],
    (args, ctx) => {
      const [first = 0n, second = 0n, third = 0n] = args as bigint[];
      chargeRange(
        ctx,
        args.length === 1 ? 0n : first,
        args.length === 3 ? third : args.length === 2 ? second : first,
        1n,
      );
      return seq(args as bigint[]);
    },
    'int',
  ),
};
