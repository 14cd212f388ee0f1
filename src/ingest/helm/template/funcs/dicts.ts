/** sprig's dictionary functions. Key listings are sorted so that output is deterministic. */
import { fn, type FunctionMap, str } from '../functions.js';
import {
  isGoMap,
  mapGet,
  mapHas,
  mapSet,
  newMap,
  sortedKeys,
  type GoMap,
  type GoValue,
} from '../values.js';
import { isEmpty, strval } from './cast.js';

function dict(args: GoValue[]): GoMap {
  const out = newMap();
  for (let i = 0; i < args.length; i += 2) {
    mapSet(out, strval(args[i]), i + 1 < args.length ? args[i + 1] : '');
  }
  return out;
}

/** A deep copy of lists and maps (copystructure). */
export function deepCopy(value: GoValue): GoValue {
  if (Array.isArray(value)) return value.map(deepCopy);
  if (isGoMap(value)) {
    const out = newMap();
    for (const key of Object.keys(value)) mapSet(out, key, deepCopy(value[key]));
    return out;
  }
  return value;
}

/** mergo's map merge: fills missing or empty keys; with `overwrite`, source values win. */
export function mergeInto(dst: GoMap, src: GoMap, overwrite: boolean): void {
  for (const key of Object.keys(src)) {
    const s = src[key];
    const has = mapHas(dst, key);
    const d = mapGet(dst, key);
    if (s === null || s === undefined) {
      if (overwrite) mapSet(dst, key, null);
      continue;
    }
    if (isGoMap(s) && isGoMap(d)) {
      mergeInto(d, s, overwrite);
      continue;
    }
    if (!overwrite && has && !isEmpty(d) && Array.isArray(s)) continue;
    if (overwrite || !has || isEmpty(d)) mapSet(dst, key, s);
  }
}

function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new Error('dig needs at least three arguments');
  const dictArg = args[args.length - 1];
  const fallback = args[args.length - 2];
  if (!isGoMap(dictArg))
    throw new Error(`interface conversion: interface {} is not map[string]interface {}`);
  let current: GoValue = dictArg;
  for (const key of args.slice(0, -2)) {
    if (typeof key !== 'string')
      throw new Error('interface conversion: interface {} is not string');
    if (!isGoMap(current))
      throw new Error('interface conversion: interface {} is not map[string]interface {}');
    if (!mapHas(current, key)) return fallback;
    current = mapGet(current, key);
  }
  return current;
}

function pickOmit(d: GoMap, keys: GoValue[], keep: boolean): GoMap {
  const set = new Set(keys.map(String));
  const out = newMap();
  for (const key of Object.keys(d)) if (set.has(key) === keep) mapSet(out, key, d[key]);
  return out;
}

function merge(args: GoValue[], overwrite: boolean): GoValue {
  const [dst, ...srcs] = args as GoMap[];
  const target = dst ?? newMap();
  for (const src of srcs) if (isGoMap(src)) mergeInto(target, src, overwrite);
  return target;
}

/** The dict family. */
export const dictFunctions: FunctionMap = {
  dict: fn([], dict, 'any'),
  get: fn(['map', 'string'], ([d, k]) =>
    isGoMap(d) && mapHas(d, str(k)) ? mapGet(d, str(k)) : '',
  ),
  set: fn(['map', 'string', 'any'], ([d, k, v]) => {
    const m = isGoMap(d) ? d : newMap();
    mapSet(m, str(k), v);
    return m;
  }),
  unset: fn(['map', 'string'], ([d, k]) => {
    if (isGoMap(d)) Reflect.deleteProperty(d, str(k));
    return d;
  }),
  hasKey: fn(['map', 'string'], ([d, k]) => isGoMap(d) && mapHas(d, str(k))),
  pluck: fn(
    ['string'],
    ([k, ...ds]) =>
      ds.filter((d) => isGoMap(d) && mapHas(d, str(k))).map((d) => mapGet(d as GoMap, str(k))),
    'map',
  ),
  keys: fn([], (ds) => ds.flatMap((d) => (isGoMap(d) ? sortedKeys(d) : [])), 'map'),
  values: fn(['map'], ([d]) => (isGoMap(d) ? sortedKeys(d).map((k) => d[k]) : [])),
  pick: fn(['map'], ([d, ...keys]) => pickOmit(isGoMap(d) ? d : newMap(), keys, true), 'string'),
  omit: fn(['map'], ([d, ...keys]) => pickOmit(isGoMap(d) ? d : newMap(), keys, false), 'string'),
  merge: fn(['map'], (args) => merge(args, false), 'map'),
  mustMerge: fn(['map'], (args) => merge(args, false), 'map'),
  mergeOverwrite: fn(['map'], (args) => merge(args, true), 'map'),
  mustMergeOverwrite: fn(['map'], (args) => merge(args, true), 'map'),
  deepCopy: fn(['any'], ([v]) => deepCopy(v)),
  mustDeepCopy: fn(['any'], ([v]) => {
    if (v === null || v === undefined) throw new Error('copy: nil value');
    return deepCopy(v);
  }),
  dig: fn([], dig, 'any'),
};
