import { CubecapeError } from '../../core/errors.js';

/** The result of a three-way comparison: negative, equal, positive. */
export type Ordering = -1 | 0 | 1;

/**
 * How one package ecosystem orders its version strings. Every scheme follows the package
 * manager's own rules (dpkg, rpm, apk, Maven, pip, ...), not a generic "dotted numbers" guess:
 * a wrong order is a missed or invented vulnerability.
 */
export interface VersionScheme<P = unknown> {
  /** Short name of the ordering rules, e.g. `dpkg`, `rpm`, `pep440`. */
  readonly name: string;
  /** Parses a version; `undefined` when the ecosystem's tools would reject it. */
  parse(version: string): P | undefined;
  /** Whether `parse` accepts the version. */
  isValid(version: string): boolean;
  /**
   * Orders two versions. Throws `CubecapeError` with code `INVALID_VERSION` when either side
   * does not parse, so callers never act on a made-up order.
   */
  compare(a: string, b: string): Ordering;
}

/** Maps any number (or bigint) to its sign as an `Ordering`. */
export function sign(n: number | bigint): Ordering {
  if (n < 0) return -1;
  if (n > 0) return 1;
  return 0;
}

/** Reverses an ordering without producing `-0`. */
export function negate(order: Ordering): Ordering {
  return order === 0 ? 0 : order === 1 ? -1 : 1;
}

/** Compares strings by UTF-16 code units, as C's strcmp does for ASCII. */
export function compareStrings(a: string, b: string): Ordering {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Compares unsigned decimal digit strings of any length without converting to numbers. */
export function compareDigits(a: string, b: string): Ordering {
  const x = a.replace(/^0+/, '');
  const y = b.replace(/^0+/, '');
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return compareStrings(x, y);
}

/** The error every scheme throws for a version it cannot parse. */
export function invalidVersion(scheme: string, version: unknown): CubecapeError<'INVALID_VERSION'> {
  const shown = typeof version === 'string' ? JSON.stringify(version) : typeof version;
  return new CubecapeError(
    'INVALID_VERSION',
    `expected a valid ${scheme} version, got ${shown}; check the version string or the ecosystem it was matched against`,
  );
}

/**
 * Builds a scheme from a parser and a comparison of parsed values. Non-string input is
 * rejected here once, so each parser can assume a string.
 */
export function defineScheme<P>(
  name: string,
  parse: (version: string) => P | undefined,
  compareParsed: (a: P, b: P) => Ordering,
): VersionScheme<P> {
  const safeParse = (version: string): P | undefined =>
    typeof version === 'string' ? parse(version) : undefined;
  const must = (version: string): P => {
    const parsed = safeParse(version);
    if (parsed === undefined) throw invalidVersion(name, version);
    return parsed;
  };
  return {
    name,
    parse: safeParse,
    isValid: (version) => safeParse(version) !== undefined,
    compare: (a, b) => compareParsed(must(a), must(b)),
  };
}
