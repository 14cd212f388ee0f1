import { compareDigits, defineScheme, sign, type Ordering, type VersionScheme } from './scheme.js';

/** A Composer version after normalisation, split into PHP `version_compare` parts. */
export type PackagistVersion = readonly string[];

const MODIFIER = '[._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\\d+)*)?)?([.-]?dev)?';
const CLASSIC = new RegExp(`^v?(\\d{1,5})(\\.\\d+)?(\\.\\d+)?(\\.\\d+)?${MODIFIER}$`, 'i');
const DATE = new RegExp(`^v?(\\d{4}(?:[.:-]?\\d{2}){1,6}(?:[.:-]?\\d{1,3}){0,2})${MODIFIER}$`, 'i');

const STABILITY: Readonly<Record<string, string>> = {
  a: 'alpha',
  b: 'beta',
  p: 'patch',
  pl: 'patch',
  rc: 'RC',
};

/**
 * Composer's `VersionParser::normalize` for concrete versions: `v1.2` becomes `1.2.0.0`,
 * `1.0-b2` becomes `1.0.0.0-beta2`, build metadata after `+` is dropped. Branch names
 * (`dev-main`, `1.x-dev`) have no place in an order and are rejected.
 */
export function normalizeComposer(input: string): string | undefined {
  let text = input.trim();
  const build = /^([^,\s+]+)\+\S+$/.exec(text);
  if (build?.[1] !== undefined) text = build[1];
  let m = CLASSIC.exec(text);
  let base: string;
  let index: number;
  if (m !== null) {
    base = [m[1], m[2] ?? '.0', m[3] ?? '.0', m[4] ?? '.0'].join('');
    index = 5;
  } else {
    m = DATE.exec(text);
    if (m === null) return undefined;
    base = (m[1] ?? '').replace(/\D/g, '.');
    index = 2;
  }
  const stability = m[index];
  if (stability !== undefined && stability !== '') {
    if (stability.toLowerCase() === 'stable') return base;
    const lower = stability.toLowerCase();
    const number = (m[index + 1] ?? '').replace(/^[.-]+/, '');
    base += `-${STABILITY[lower] ?? lower}${number}`;
  }
  if (m[index + 2] !== undefined && m[index + 2] !== '') base += '-dev';
  return base;
}

/** PHP's canonical form: `-_+` become `.`, and a `.` goes between digits and non-digits. */
function canonicalParts(version: string): string[] {
  const isDigit = (c: string): boolean => c >= '0' && c <= '9';
  const isOther = (c: string): boolean => !isDigit(c) && c !== '.';
  let out = version.slice(0, 1);
  for (let i = 1; i < version.length; i++) {
    const c = version[i] ?? '';
    const prev = version[i - 1] ?? '';
    const sep = out.endsWith('.') ? '' : '.';
    if (c === '-' || c === '_' || c === '+') out += sep;
    else if ((isOther(prev) && isDigit(c)) || (isDigit(prev) && isOther(c))) out += sep + c;
    else if (!/[A-Za-z0-9]/.test(c)) out += sep;
    else out += c;
  }
  return out.split('.').filter((part) => part !== '');
}

/** Rank of a non-numeric part in `version_compare`; numbers rank as `#`. */
function specialRank(part: string): number {
  const forms: readonly [string, number][] = [
    ['dev', 0],
    ['alpha', 1],
    ['a', 1],
    ['beta', 2],
    ['b', 2],
    ['RC', 3],
    ['rc', 3],
    ['#', 4],
    ['pl', 5],
    ['p', 5],
  ];
  // PHP matches by prefix, so `patch` ranks as `p` and `bogus` as `b`.
  return forms.find(([name]) => part.startsWith(name))?.[1] ?? -1;
}

const isNumberPart = (part: string): boolean => /^\d/.test(part);

function comparePart(x: string, y: string): Ordering {
  const xn = isNumberPart(x);
  const yn = isNumberPart(y);
  if (xn && yn) return compareDigits(/^\d+/.exec(x)?.[0] ?? '0', /^\d+/.exec(y)?.[0] ?? '0');
  return sign(specialRank(xn ? '#' : x) - specialRank(yn ? '#' : y));
}

/** PHP `version_compare` on canonical parts; a leftover tail decides against a plain number. */
export function comparePackagist(a: PackagistVersion, b: PackagistVersion): Ordering {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const result = comparePart(a[i] ?? '', b[i] ?? '');
    if (result !== 0) return result;
  }
  const restA = a[length];
  const restB = b[length];
  if (restA !== undefined) return isNumberPart(restA) ? 1 : comparePart(restA, '#');
  if (restB !== undefined) return isNumberPart(restB) ? -1 : comparePart('#', restB);
  return 0;
}

function parsePackagist(input: string): PackagistVersion | undefined {
  const normalized = normalizeComposer(input);
  return normalized === undefined ? undefined : canonicalParts(normalized);
}

/** Packagist (Composer) packages. */
export const packagistScheme: VersionScheme<PackagistVersion> = defineScheme(
  'packagist',
  parsePackagist,
  comparePackagist,
);
