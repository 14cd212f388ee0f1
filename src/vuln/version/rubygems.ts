import { compareStrings, defineScheme, sign, type Ordering, type VersionScheme } from './scheme.js';

/** A gem version as `Gem::Version` sees it: canonical segments, numbers as bigint. */
export type GemVersion = readonly (bigint | string)[];

const PATTERN = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Drops trailing zeros, separately from the numeric release part and from the pre-release part. */
function canonical(segments: (bigint | string)[]): GemVersion {
  const trimZeros = (list: (bigint | string)[]): (bigint | string)[] => {
    let end = list.length;
    while (end > 0 && list[end - 1] === 0n) end--;
    return list.slice(0, end);
  };
  const firstString = segments.findIndex((s) => typeof s === 'string');
  if (firstString === -1) return trimZeros(segments);
  return [...trimZeros(segments.slice(0, firstString)), ...trimZeros(segments.slice(firstString))];
}

/**
 * Parses like `Gem::Version.new`: surrounding whitespace is ignored, a blank version is `0`,
 * `-` means `.pre.`, and the version is split into runs of digits and runs of letters.
 */
export function parseGem(input: string): GemVersion | undefined {
  const text = input.trim();
  if (text === '') return [];
  if (!PATTERN.test(text)) return undefined;
  const expanded = text.replaceAll('-', '.pre.');
  const segments = (expanded.match(/[0-9]+|[a-z]+/gi) ?? []).map((s) =>
    /^\d/.test(s) ? BigInt(s) : s,
  );
  return canonical(segments);
}

/**
 * `Gem::Version#<=>`: segment by segment, missing segments count as 0; a letter segment (a
 * pre-release) sorts below any number, and letters compare case-sensitively.
 */
export function compareGem(a: GemVersion, b: GemVersion): Ordering {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? 0n;
    const y = b[i] ?? 0n;
    if (x === y) continue;
    if (typeof x === 'string' && typeof y === 'bigint') return -1;
    if (typeof x === 'bigint' && typeof y === 'string') return 1;
    if (typeof x === 'bigint' && typeof y === 'bigint') return sign(x - y);
    return compareStrings(String(x), String(y));
  }
  return 0;
}

/** RubyGems. */
export const rubygemsScheme: VersionScheme<GemVersion> = defineScheme(
  'rubygems',
  parseGem,
  compareGem,
);
