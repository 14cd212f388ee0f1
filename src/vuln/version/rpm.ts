import {
  compareDigits,
  compareStrings,
  defineScheme,
  type Ordering,
  type VersionScheme,
} from './scheme.js';

/** An RPM `[epoch:]version[-release]`; absent parts are `undefined`. */
export interface RpmVersion {
  readonly epoch: string | undefined;
  readonly version: string;
  readonly release: string | undefined;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isAlpha(c);

/** Index of the first character at or after `i` that starts a segment or is `~` / `^`. */
function skipSeparators(s: string, i: number): number {
  let k = i;
  while (k < s.length && !isAlnum(s[k]) && s[k] !== '~' && s[k] !== '^') k++;
  return k;
}

function runEnd(s: string, i: number, test: (c: string | undefined) => boolean): number {
  let k = i;
  while (k < s.length && test(s[k])) k++;
  return k;
}

/**
 * rpm's `rpmvercmp`: walks both strings segment by segment (digits or letters), skipping other
 * separators. `~` sorts before anything, even the end of the string; `^` sorts after the end
 * but before any further segment. Numeric segments beat alphabetic ones.
 */
export function rpmvercmp(a: string, b: string): Ordering {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    i = skipSeparators(a, i);
    j = skipSeparators(b, j);
    const ca = a[i];
    const cb = b[j];
    if (ca === '~' || cb === '~') {
      if (ca !== '~') return 1;
      if (cb !== '~') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === '^' || cb === '^') {
      if (ca === undefined) return -1;
      if (cb === undefined) return 1;
      if (ca !== '^') return 1;
      if (cb !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (ca === undefined || cb === undefined) break;
    const numeric = isDigit(ca);
    const test = numeric ? isDigit : isAlpha;
    const endA = runEnd(a, i, test);
    const endB = runEnd(b, j, test);
    // The other side holds the opposite kind of segment here: numbers are newer than letters.
    if (endB === j) return numeric ? 1 : -1;
    const segA = a.slice(i, endA);
    const segB = b.slice(j, endB);
    const result = numeric ? compareDigits(segA, segB) : compareStrings(segA, segB);
    if (result !== 0) return result;
    i = endA;
    j = endB;
  }
  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

/** Splits an EVR string the way rpm does: epoch is the leading digits before `:`, release follows the last `-`. */
export function parseRpm(input: string): RpmVersion | undefined {
  // Control characters and spaces never appear in package versions; reject them rather than guess.
  if (input === '' || /[\s\p{Cc}]/u.test(input)) return undefined;
  const digits = /^[0-9]*/.exec(input)?.[0] ?? '';
  const hasEpoch = input[digits.length] === ':';
  const epoch = hasEpoch ? digits || '0' : undefined;
  const rest = hasEpoch ? input.slice(digits.length + 1) : input;
  const hyphen = rest.lastIndexOf('-');
  const version = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const release = hyphen >= 0 ? rest.slice(hyphen + 1) : undefined;
  if (version === '') return undefined;
  return { epoch, version, release };
}

/**
 * rpm's EVR order (`rpmverCmp`, as `rpm.vercmp` applies it): epoch (missing = 0), then version,
 * then release, where a missing release sorts before any release, even an empty one.
 */
export function compareRpm(a: RpmVersion, b: RpmVersion): Ordering {
  const byEpoch = rpmvercmp(a.epoch ?? '0', b.epoch ?? '0');
  if (byEpoch !== 0) return byEpoch;
  const byVersion = rpmvercmp(a.version, b.version);
  if (byVersion !== 0) return byVersion;
  if (a.release === undefined || b.release === undefined) {
    if (a.release === b.release) return 0;
    return a.release === undefined ? -1 : 1;
  }
  return rpmvercmp(a.release, b.release);
}

/** Red Hat, AlmaLinux, Rocky, SUSE and other RPM-based distributions. */
export const rpmScheme: VersionScheme<RpmVersion> = defineScheme('rpm', parseRpm, compareRpm);
