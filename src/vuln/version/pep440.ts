import { compareStrings, defineScheme, sign, type Ordering, type VersionScheme } from './scheme.js';

/** A PEP 440 version, normalised: spellings like `alpha`, `c`, `rev`, `-1` are already mapped. */
export interface Pep440Version {
  readonly epoch: bigint;
  readonly release: readonly bigint[];
  /** Pre-release phase (0 = a, 1 = b, 2 = rc) and number. */
  readonly pre: readonly [number, bigint] | undefined;
  readonly post: bigint | undefined;
  readonly dev: bigint | undefined;
  /** Local label segments, lower-cased; numeric segments as bigint. */
  readonly local: readonly (bigint | string)[] | undefined;
}

// The grammar of PEP 440's appendix, including every alternative spelling it allows.
const PATTERN = new RegExp(
  [
    '^\\s*v?',
    '(?:(\\d+)!)?', // epoch
    '(\\d+(?:\\.\\d+)*)', // release
    '(?:[-_.]?(alpha|a|beta|b|preview|pre|c|rc)[-_.]?(\\d+)?)?', // pre-release
    '(?:-(\\d+)|[-_.]?(post|rev|r)[-_.]?(\\d+)?)?', // post-release
    '(?:[-_.]?(dev)[-_.]?(\\d+)?)?', // development release
    '(?:\\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?', // local label
    '\\s*$',
  ].join(''),
  'i',
);

const PRE_PHASE: Readonly<Record<string, number>> = {
  a: 0,
  alpha: 0,
  b: 1,
  beta: 1,
  c: 2,
  rc: 2,
  pre: 2,
  preview: 2,
};

const toBig = (digits: string | undefined): bigint => (digits === undefined ? 0n : BigInt(digits));

/** Parses a version the way `packaging.version.Version` does; `undefined` when it would raise. */
export function parsePep440(input: string): Pep440Version | undefined {
  const m = PATTERN.exec(input);
  if (m === null) return undefined;
  const [
    ,
    epoch,
    release = '0',
    preLabel,
    preNumber,
    implicitPost,
    postLabel,
    postNumber,
    devLabel,
    devNumber,
    local,
  ] = m;
  const phase = preLabel === undefined ? undefined : PRE_PHASE[preLabel.toLowerCase()];
  let post: bigint | undefined;
  if (implicitPost !== undefined) post = BigInt(implicitPost);
  else if (postLabel !== undefined) post = toBig(postNumber);
  return {
    epoch: toBig(epoch),
    release: release.split('.').map((part) => BigInt(part)),
    pre: phase === undefined ? undefined : [phase, toBig(preNumber)],
    post,
    dev: devLabel === undefined ? undefined : toBig(devNumber),
    local: local
      ?.toLowerCase()
      .split(/[-_.]/)
      .map((segment) => (/^\d+$/.test(segment) ? BigInt(segment) : segment)),
  };
}

function compareRelease(a: readonly bigint[], b: readonly bigint[]): Ordering {
  // Trailing zeros do not count: 1.0 == 1.0.0.
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = sign((a[i] ?? 0n) - (b[i] ?? 0n));
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Where the version sits relative to its release, as a rank then a value: a dev release of
 * the final version (1.0.dev1) comes before its pre-releases, and the final release after them.
 */
function preKey(v: Pep440Version): [number, number, bigint] {
  if (v.pre !== undefined) return [1, v.pre[0], v.pre[1]];
  if (v.post === undefined && v.dev !== undefined) return [0, 0, 0n];
  return [2, 0, 0n];
}

function compareTuple(a: readonly (number | bigint)[], b: readonly (number | bigint)[]): Ordering {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return sign(a.length - b.length);
}

function compareLocal(a: Pep440Version['local'], b: Pep440Version['local']): Ordering {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    // Numeric segments sort after alphanumeric ones.
    if (typeof x === 'bigint' && typeof y === 'bigint') return sign(x - y);
    if (typeof x === 'bigint') return 1;
    if (typeof y === 'bigint') return -1;
    return compareStrings(x ?? '', y ?? '');
  }
  return sign(a.length - b.length);
}

/** PEP 440 order: epoch, release, pre, post, dev, then local label. */
export function comparePep440(a: Pep440Version, b: Pep440Version): Ordering {
  if (a.epoch !== b.epoch) return sign(a.epoch - b.epoch);
  return (
    compareRelease(a.release, b.release) ||
    compareTuple(preKey(a), preKey(b)) ||
    compareTuple(
      a.post === undefined ? [0] : [1, a.post],
      b.post === undefined ? [0] : [1, b.post],
    ) ||
    compareTuple(a.dev === undefined ? [1] : [0, a.dev], b.dev === undefined ? [1] : [0, b.dev]) ||
    compareLocal(a.local, b.local)
  );
}

/** Python packages on PyPI. */
export const pep440Scheme: VersionScheme<Pep440Version> = defineScheme(
  'pep440',
  parsePep440,
  comparePep440,
);
