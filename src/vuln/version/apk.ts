import {
  compareDigits,
  compareStrings,
  sign,
  defineScheme,
  type Ordering,
  type VersionScheme,
} from './scheme.js';

/**
 * Token kinds of an Alpine version, in grammar order:
 * `digit{.digit}...{letter}{_suffix{number}}...{~hash}{-r#}`. A version that stops earlier
 * in this order (reaches `End` first) is the older one, unless what follows is a pre-release
 * suffix.
 */
const enum Kind {
  InitialDigit = 0,
  Digit = 1,
  Letter = 2,
  Suffix = 3,
  SuffixNumber = 4,
  CommitHash = 5,
  Revision = 6,
  End = 7,
}

/** Suffix ranks: the four pre-release suffixes sort below "no suffix", the rest above. */
const SUFFIXES: Readonly<Record<string, number>> = {
  alpha: 1,
  beta: 2,
  pre: 3,
  rc: 4,
  cvs: 6,
  svn: 7,
  git: 8,
  hg: 9,
  p: 10,
};
const NO_SUFFIX = 5;

interface Token {
  readonly kind: Kind;
  /** The token's text (digits, letter, suffix name or hash). */
  readonly text: string;
}

/** A tokenised Alpine version, ending with an `End` token. */
export type ApkVersion = readonly Token[];

/** The kind and length of the token starting at `pos`, or `undefined` if the grammar forbids it. */
function nextToken(s: string, pos: number, previous: Kind): Token | undefined {
  const rest = s.slice(pos);
  const c = rest[0];
  if (c === undefined) return { kind: Kind.End, text: '' };
  if (c >= 'a' && c <= 'z')
    return previous <= Kind.Digit ? { kind: Kind.Letter, text: c } : undefined;
  if (c === '.' || (c >= '0' && c <= '9')) {
    const digits = /^\.?([0-9]+)/.exec(rest)?.[1];
    if (digits === undefined || (c === '.' && previous > Kind.Digit)) return undefined;
    if (previous <= Kind.Digit) return { kind: Kind.Digit, text: digits };
    return previous === Kind.Suffix && c !== '.'
      ? { kind: Kind.SuffixNumber, text: digits }
      : undefined;
  }
  if (c === '_') {
    const name = /^_([a-z]*)/.exec(rest)?.[1] ?? '';
    return previous <= Kind.SuffixNumber && Object.hasOwn(SUFFIXES, name)
      ? { kind: Kind.Suffix, text: name }
      : undefined;
  }
  if (c === '~') {
    const hash = /^~([0-9a-fA-F]+)/.exec(rest)?.[1];
    return previous < Kind.CommitHash && hash !== undefined
      ? { kind: Kind.CommitHash, text: hash }
      : undefined;
  }
  const revision = /^-r([0-9]+)/.exec(rest)?.[1];
  return c === '-' && previous < Kind.Revision && revision !== undefined
    ? { kind: Kind.Revision, text: revision }
    : undefined;
}

/** Length of the source text a token used, including its leading separator. */
function consumed(s: string, pos: number, token: Token): number {
  if (token.kind === Kind.Letter) return 1;
  if (token.kind === Kind.Digit || token.kind === Kind.SuffixNumber)
    return (s[pos] === '.' ? 1 : 0) + token.text.length;
  return (token.kind === Kind.Revision ? 2 : 1) + token.text.length;
}

/** Tokenises like apk-tools 2.14+/3.x; `undefined` unless `apk version --check` accepts it. */
export function parseApk(input: string): ApkVersion | undefined {
  const initial = /^[0-9]+/.exec(input)?.[0];
  if (initial === undefined) return undefined;
  const tokens: Token[] = [{ kind: Kind.InitialDigit, text: initial }];
  let pos = initial.length;
  for (;;) {
    const previous = tokens[tokens.length - 1]?.kind ?? Kind.InitialDigit;
    const token = nextToken(input, pos, previous);
    if (token === undefined) return undefined;
    tokens.push(token);
    if (token.kind === Kind.End) return tokens;
    pos += consumed(input, pos, token);
  }
}

function compareToken(a: Token, b: Token): Ordering {
  switch (a.kind) {
    case Kind.Digit:
      // With a leading zero on either side, apk compares the digits as text: 1.05 < 1.1.
      if (a.text.startsWith('0') || b.text.startsWith('0')) return compareStrings(a.text, b.text);
      return compareDigits(a.text, b.text);
    case Kind.InitialDigit:
    case Kind.SuffixNumber:
    case Kind.Revision:
      return compareDigits(a.text, b.text);
    case Kind.Suffix:
      return sign((SUFFIXES[a.text] ?? 0) - (SUFFIXES[b.text] ?? 0));
    default:
      return compareStrings(a.text, b.text);
  }
}

const isPreRelease = (t: Token): boolean =>
  t.kind === Kind.Suffix && (SUFFIXES[t.text] ?? 0) < NO_SUFFIX;

/** apk's order: token by token while the kinds agree, then by which version continues how. */
export function compareApk(a: ApkVersion, b: ApkVersion): Ordering {
  for (let i = 0; ; i++) {
    const ta = a[i];
    const tb = b[i];
    if (ta === undefined || tb === undefined) return 0;
    if (ta.kind !== tb.kind) {
      if (isPreRelease(ta)) return -1;
      if (isPreRelease(tb)) return 1;
      return ta.kind > tb.kind ? -1 : 1;
    }
    if (ta.kind === Kind.End) return 0;
    const result = compareToken(ta, tb);
    if (result !== 0) return result;
  }
}

/** Alpine Linux (and Wolfi/Chainguard) `apk` package versions. */
export const apkScheme: VersionScheme<ApkVersion> = defineScheme('apk', parseApk, compareApk);
