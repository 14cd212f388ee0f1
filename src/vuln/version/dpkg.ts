import { defineScheme, sign, type Ordering, type VersionScheme } from './scheme.js';

/** A Debian version split into its three parts; an absent revision is `''`. */
export interface DpkgVersion {
  readonly epoch: number;
  readonly upstream: string;
  readonly revision: string;
}

const INT_MAX = 2147483647;
const UPSTREAM = /^[0-9][A-Za-z0-9.+~:-]*$/;
const REVISION = /^[A-Za-z0-9.+~]+$/;

/**
 * Parses `[epoch:]upstream[-revision]` with the same acceptance rules as
 * `dpkg --validate-version`: the epoch ends at the first colon, the revision starts after the
 * last hyphen, and the upstream part must start with a digit.
 */
export function parseDpkg(input: string): DpkgVersion | undefined {
  const text = input.replace(/^[ \t]+|[ \t]+$/g, '');
  if (text === '' || /[ \t]/.test(text)) return undefined;
  let epoch = 0;
  let rest = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const epochText = text.slice(0, colon);
    if (!/^[+-]?[0-9]+$/.test(epochText)) return undefined;
    const value = BigInt(epochText);
    if (value < 0n || value > BigInt(INT_MAX)) return undefined;
    epoch = Number(value);
    rest = text.slice(colon + 1);
  }
  const hyphen = rest.lastIndexOf('-');
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest;
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : '';
  if (hyphen >= 0 && !REVISION.test(revision)) return undefined;
  if (!UPSTREAM.test(upstream)) return undefined;
  return { epoch, upstream, revision };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Sort weight of one character in a non-digit run: `~` first, end next, letters, then the rest. */
function weight(c: number | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isLetter(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

/**
 * dpkg's part comparison: alternate non-digit runs (compared character by character with
 * `weight`) and digit runs (compared numerically), until one side differs.
 */
export function compareDpkgPart(a: string, b: string): Ordering {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (
      (i < a.length && !isDigit(a.charCodeAt(i))) ||
      (j < b.length && !isDigit(b.charCodeAt(j)))
    ) {
      const wa = weight(i < a.length ? a.charCodeAt(i) : undefined);
      const wb = weight(j < b.length ? b.charCodeAt(j) : undefined);
      if (wa !== wb) return sign(wa - wb);
      i++;
      j++;
    }
    while (a.charCodeAt(i) === 48) i++;
    while (b.charCodeAt(j) === 48) j++;
    let firstDiff = 0;
    while (isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a.charCodeAt(i))) return 1;
    if (isDigit(b.charCodeAt(j))) return -1;
    if (firstDiff !== 0) return sign(firstDiff);
  }
  return 0;
}

function compareParsed(a: DpkgVersion, b: DpkgVersion): Ordering {
  if (a.epoch !== b.epoch) return sign(a.epoch - b.epoch);
  return compareDpkgPart(a.upstream, b.upstream) || compareDpkgPart(a.revision, b.revision);
}

/** Debian and Ubuntu package versions, ordered as `dpkg --compare-versions` orders them. */
export const dpkgScheme: VersionScheme<DpkgVersion> = defineScheme(
  'dpkg',
  parseDpkg,
  compareParsed,
);
