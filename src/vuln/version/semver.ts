import {
  compareDigits,
  compareStrings,
  defineScheme,
  type Ordering,
  type VersionScheme,
} from './scheme.js';

/** A SemVer 2.0 version. Numbers are kept as digit strings so huge values still order right. */
export interface SemVer {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly prerelease: readonly string[];
  readonly build: readonly string[];
}

const NUMBER = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const BUILD_ID = '[0-9A-Za-z-]+';
const SEMVER = new RegExp(
  `^(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})` +
    `(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?` +
    `(?:\\+(${BUILD_ID}(?:\\.${BUILD_ID})*))?$`,
);

/** Parses a strict SemVer 2.0 string (no prefix, no leading zeros, no whitespace). */
export function parseSemVerStrict(text: string): SemVer | undefined {
  const m = SEMVER.exec(text);
  if (m === null) return undefined;
  const [, major = '', minor = '', patch = '', pre, build] = m;
  return {
    major,
    minor,
    patch,
    prerelease: pre === undefined ? [] : pre.split('.'),
    build: build === undefined ? [] : build.split('.'),
  };
}

const isNumeric = (id: string): boolean => /^\d+$/.test(id);

/**
 * Compares pre-release identifier lists: numeric identifiers numerically and below alphanumeric
 * ones, alphanumeric ones by `compareText`; a shorter list that is a prefix comes first.
 */
export function comparePrerelease(
  a: readonly string[],
  b: readonly string[],
  compareText: (x: string, y: string) => Ordering = compareStrings,
): Ordering {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    const xNum = isNumeric(x);
    const yNum = isNumeric(y);
    let result: Ordering;
    if (xNum && yNum) result = compareDigits(x, y);
    else if (xNum !== yNum) result = xNum ? -1 : 1;
    else result = compareText(x, y);
    if (result !== 0) return result;
  }
  if (a.length === b.length) return 0;
  return a.length < b.length ? -1 : 1;
}

/** SemVer precedence (spec item 11): build metadata is ignored; a pre-release sorts before its release. */
export function compareSemVer(a: SemVer, b: SemVer): Ordering {
  const core =
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    if (a.prerelease.length === b.prerelease.length) return 0;
    return a.prerelease.length === 0 ? 1 : -1;
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

/** Accepts an optional leading `v`, as Go module and some GitHub-sourced versions carry it. */
function parseWithOptionalV(text: string): SemVer | undefined {
  return parseSemVerStrict(text.startsWith('v') ? text.slice(1) : text);
}

/**
 * Like the `semver` npm package's non-loose `parse`: surrounding whitespace and one `v` are
 * allowed, at most 256 characters, and numbers no larger than `Number.MAX_SAFE_INTEGER`.
 */
function parseNpm(text: string): SemVer | undefined {
  if (text.length > 256) return undefined;
  const parsed = parseWithOptionalV(text.trim());
  if (parsed === undefined) return undefined;
  const tooBig = (digits: string): boolean => BigInt(digits) > BigInt(Number.MAX_SAFE_INTEGER);
  if (tooBig(parsed.major) || tooBig(parsed.minor) || tooBig(parsed.patch)) return undefined;
  return parsed;
}

const GO_SHORTHAND = /^v(0|[1-9]\d*)(?:\.(0|[1-9]\d*))?$/;

/**
 * Go module versions: SemVer with a `v` (optional here because OSV's Go data omits it) and
 * Go's shorthands `v1` and `v1.2`. `+incompatible` is build metadata, so it does not affect the
 * order, and pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`) are pre-releases whose
 * timestamp sorts them by commit time.
 */
function parseGo(text: string): SemVer | undefined {
  const short = GO_SHORTHAND.exec(text);
  if (short !== null) {
    return {
      major: short[1] ?? '0',
      minor: short[2] ?? '0',
      patch: '0',
      prerelease: [],
      build: [],
    };
  }
  return parseWithOptionalV(text);
}

/** OSV `SEMVER` ranges: SemVer 2.0, tolerating a leading `v`. */
export const semverScheme: VersionScheme<SemVer> = defineScheme(
  'semver',
  parseWithOptionalV,
  compareSemVer,
);

/** npm packages, with the `semver` package's acceptance rules. */
export const npmScheme: VersionScheme<SemVer> = defineScheme('npm', parseNpm, compareSemVer);

/** crates.io: Cargo requires strict SemVer 2.0. */
export const cratesScheme: VersionScheme<SemVer> = defineScheme(
  'crates',
  parseSemVerStrict,
  compareSemVer,
);

/** Go modules. */
export const goScheme: VersionScheme<SemVer> = defineScheme('go', parseGo, compareSemVer);
