/** sprig's string functions. Lengths and offsets are in UTF-8 bytes where Go's are. */
import { goQuote } from '../go-quote.js';
import { fn, type FunctionMap, str } from '../functions.js';
import type { GoValue } from '../values.js';
import { castToInt64, strslice, strval } from './cast.js';
import { toKebabCase, toPascalCase, toSnakeCase } from './word-case.js';

const MAX_STRING = 16 * 1024 * 1024;

/** Byte-offset slicing like Go's s[lo:hi]; throws like a Go panic when out of range. */
export function byteSlice(s: string, lo: number, hi?: number): string {
  const bytes = Buffer.from(s, 'utf8');
  const end = hi ?? bytes.length;
  if (lo < 0 || end < lo || end > bytes.length) {
    throw new Error(
      `runtime error: slice bounds out of range [${String(lo)}:${String(end)}] with length ${String(bytes.length)}`,
    );
  }
  return bytes.subarray(lo, end).toString('utf8');
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function repeat(count: bigint, s: string): string {
  if (count < 0n) throw new Error('strings: negative Repeat count');
  if (BigInt(s.length) * count > BigInt(MAX_STRING))
    throw new Error('strings: Repeat output too large');
  return s.repeat(Number(count));
}

function goTrim(s: string, cutset: string): string {
  const set = new Set(cutset);
  const chars = Array.from(s);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi && set.has(chars[lo] ?? '')) lo++;
  while (hi > lo && set.has(chars[hi - 1] ?? '')) hi--;
  return chars.slice(lo, hi).join('');
}

const GO_SPACE =
  /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/gu;

/** strings.Title: upper-cases letters that follow a separator (anything but letters, digits, `_`). */
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(ch: string): boolean {
  if ((ch.codePointAt(0) ?? 0) <= 0x7f) return !/[A-Za-z0-9_]/.test(ch);
  if (/[\p{L}\p{Nd}]/u.test(ch)) return false;
  return /\s/u.test(ch);
}

function untitle(s: string): string {
  let inWord = false;
  let out = '';
  for (const ch of s) {
    if (/\s/u.test(ch)) {
      inWord = false;
      out += ch;
    } else {
      out += inWord ? ch : ch.toLowerCase();
      inWord = true;
    }
  }
  return out;
}

function swapcase(s: string): string {
  let out = '';
  for (const ch of s) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (ch === upper && ch !== lower) out += lower;
    else if (ch === lower && ch !== upper) out += upper;
    else out += ch;
  }
  return out;
}

function initials(s: string): string {
  return s
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map((w) => Array.from(w)[0] ?? '')
    .join('');
}

function abbreviate(s: string, offset: number, width: number): string {
  const len = byteLength(s);
  if (width < 4) throw new Error('minimum abbreviation width is 4');
  if (len <= width) return s;
  let off = Math.min(offset, len);
  if (len - off < width - 3) off = len - (width - 3);
  if (off <= 4) return `${byteSlice(s, 0, width - 3)}...`;
  if (width < 7) throw new Error('minimum abbreviation width with offset is 7');
  if (off + width - 3 < len) return `...${abbreviate(byteSlice(s, off), 0, width - 3)}`;
  return `...${byteSlice(s, len - (width - 3))}`;
}

/** goutils.WrapCustom. */
export function wrapCustom(s: string, width: number, newline: string, wrapLong: boolean): string {
  if (s === '') return '';
  const nl = newline === '' ? '\n' : newline;
  const w = Math.max(width, 1);
  let offset = 0;
  let out = '';
  while (s.length - offset > w) {
    if (s[offset] === ' ') {
      offset++;
      continue;
    }
    const space = s.slice(offset, w + offset + 1).lastIndexOf(' ') + offset;
    if (space >= offset) {
      out += s.slice(offset, space) + nl;
      offset = space + 1;
    } else if (wrapLong) {
      out += s.slice(offset, offset + w) + nl;
      offset += w;
    } else {
      const idx = s.slice(w + offset).indexOf(' ');
      if (idx === -1) {
        out += s.slice(offset);
        offset = s.length;
      } else {
        out += s.slice(offset, idx + w + offset) + nl;
        offset = idx + w + offset + 1;
      }
    }
  }
  return out + s.slice(offset);
}

function toMapOf(parts: string[]): GoValue {
  const out = Object.create(null) as Record<string, GoValue>;
  parts.forEach((p, i) => {
    out[`_${String(i)}`] = p;
  });
  return out;
}

function goSplitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (sep === '') {
    const chars = Array.from(s);
    if (n < 0 || n >= chars.length) return chars;
    return [...chars.slice(0, n - 1), chars.slice(n - 1).join('')];
  }
  const parts = s.split(sep);
  if (n < 0 || parts.length <= n) return parts;
  return [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

function shuffle(s: string, random: () => number): string {
  const chars = Array.from(s);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = chars[i] ?? '';
    chars[i] = chars[j] ?? '';
    chars[j] = tmp;
  }
  return chars.join('');
}

/** Random strings come from the injectable RNG so renders are reproducible. */
function randomString(alphabet: string): FunctionMap[string] {
  return fn(['int'], ([n], ctx) => {
    const count = Number(n);
    if (count < 0 || count > MAX_STRING) throw new Error('invalid random string length');
    let out = '';
    for (let i = 0; i < count; i++)
      out += alphabet[Math.floor(ctx.environment.random() * alphabet.length)] ?? '';
    return out;
  });
}

const nonNil = (args: GoValue[]): GoValue[] => args.filter((a) => a !== null && a !== undefined);

/** The string family. */
export const stringFunctions: FunctionMap = {
  trim: fn(['string'], ([s]) => str(s).replace(GO_SPACE, '')),
  trimAll: fn(['string', 'string'], ([a, b]) => goTrim(str(b), str(a))),
  trimall: fn(['string', 'string'], ([a, b]) => goTrim(str(b), str(a))),
  trimPrefix: fn(['string', 'string'], ([a, b]) => {
    const p = str(a);
    const s = str(b);
    return s.startsWith(p) ? s.slice(p.length) : s;
  }),
  trimSuffix: fn(['string', 'string'], ([a, b]) => {
    const p = str(a);
    const s = str(b);
    return p !== '' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s;
  }),
  upper: fn(['string'], ([s]) => mapRunes(str(s), true)),
  lower: fn(['string'], ([s]) => mapRunes(str(s), false)),
  title: fn(['string'], ([s]) => title(str(s))),
  untitle: fn(['string'], ([s]) => untitle(str(s))),
  repeat: fn(['int', 'string'], ([n, s]) => repeat(n as bigint, str(s))),
  substr: fn(['int', 'int', 'string'], ([a, b, s]) => {
    const start = Number(a);
    const end = Number(b);
    const text = str(s);
    if (start < 0) return byteSlice(text, 0, end);
    if (end < 0 || end > byteLength(text)) return byteSlice(text, start);
    return byteSlice(text, start, end);
  }),
  nospace: fn(['string'], ([s]) => str(s).replace(/\s/gu, '')),
  trunc: fn(['int', 'string'], ([n, s]) => {
    const c = Number(n);
    const text = str(s);
    const len = byteLength(text);
    if (c < 0 && len + c > 0) return byteSlice(text, len + c);
    if (c >= 0 && len > c) return byteSlice(text, 0, c);
    return text;
  }),
  abbrev: fn(['int', 'string'], ([w, s]) =>
    Number(w) < 4 ? str(s) : abbreviate(str(s), 0, Number(w)),
  ),
  abbrevboth: fn(['int', 'int', 'string'], ([l, r, s]) => {
    const left = Number(l);
    const right = Number(r);
    if (right < 4 || (left > 0 && right < 7)) return str(s);
    return abbreviate(str(s), left, right);
  }),
  initials: fn(['string'], ([s]) => initials(str(s))),
  wrap: fn(['int', 'string'], ([l, s]) => wrapCustom(str(s), Number(l), '', false)),
  wrapWith: fn(['int', 'string', 'string'], ([l, sep, s]) =>
    wrapCustom(str(s), Number(l), str(sep), true),
  ),
  contains: fn(['string', 'string'], ([sub, s]) => str(s).includes(str(sub))),
  hasPrefix: fn(['string', 'string'], ([p, s]) => str(s).startsWith(str(p))),
  hasSuffix: fn(['string', 'string'], ([p, s]) => str(s).endsWith(str(p))),
  quote: fn(
    [],
    (args) =>
      nonNil(args)
        .map((a) => goQuote(strval(a)))
        .join(' '),
    'any',
  ),
  squote: fn(
    [],
    (args) =>
      nonNil(args)
        .map((a) => `'${strval(a)}'`)
        .join(' '),
    'any',
  ),
  cat: fn([], (args) => nonNil(args).map(strval).join(' '), 'any'),
  indent: fn(['int', 'string'], ([n, s]) => indent(Number(n), str(s))),
  nindent: fn(['int', 'string'], ([n, s]) => `\n${indent(Number(n), str(s))}`),
  replace: fn(['string', 'string', 'string'], ([o, n, s]) => goReplace(str(s), str(o), str(n))),
  plural: fn(['string', 'string', 'int'], ([one, many, c]) => (c === 1n ? one : many)),
  snakecase: fn(['string'], ([s]) => toSnakeCase(str(s))),
  camelcase: fn(['string'], ([s]) => toPascalCase(str(s))),
  kebabcase: fn(['string'], ([s]) => toKebabCase(str(s))),
  swapcase: fn(['string'], ([s]) => swapcase(str(s))),
  shuffle: fn(['string'], ([s], ctx) => shuffle(str(s), ctx.environment.random)),
  randAlphaNum: randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
  randAlpha: randomString('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'),
  randNumeric: randomString('0123456789'),
  randAscii: randomString(
    Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join(''),
  ),
  toString: fn(['any'], ([v]) => strval(v)),
  toStrings: fn(['any'], ([v]) => strslice(v)),
  join: fn(['string', 'any'], ([sep, v]) => strslice(v).join(str(sep))),
  splitList: fn(['string', 'string'], ([sep, s]) => goSplitN(str(s), str(sep), -1)),
  split: fn(['string', 'string'], ([sep, s]) => toMapOf(goSplitN(str(s), str(sep), -1))),
  splitn: fn(['string', 'int', 'string'], ([sep, n, s]) =>
    toMapOf(goSplitN(str(s), str(sep), Number(n))),
  ),
  sortAlpha: fn(['any'], ([v]) =>
    Array.isArray(v) ? strslice(v).sort(compareBytes) : [strval(v)],
  ),
  atoi: fn(['string'], ([s]) => {
    const text = str(s);
    return /^[+-]?\d+$/.test(text) ? castToInt64(text.replace(/^([+-]?)0+(?=\d)/, '$1')) : 0n;
  }),
};

/** strings.Replace with n = -1: an empty `old` matches at every rune boundary. */
function goReplace(s: string, old: string, replacement: string): string {
  if (old === '')
    return replacement + Array.from(s).join(replacement) + (s === '' ? '' : replacement);
  return s.split(old).join(replacement);
}

/** unicode.ToUpper/ToLower per rune: Go has no multi-character case mappings. */
function mapRunes(s: string, upper: boolean): string {
  let out = '';
  for (const ch of s) {
    const mapped = upper ? ch.toUpperCase() : ch.toLowerCase();
    const runes = Array.from(mapped);
    out += runes.length === 1 ? mapped : upper ? ch : (runes[0] ?? ch);
  }
  return out;
}

function indent(spaces: number, s: string): string {
  if (spaces < 0) throw new Error('strings: negative Repeat count');
  if (spaces * (1 + (s.match(/\n/g)?.length ?? 0)) + s.length > MAX_STRING)
    throw new Error('indent output too large');
  const pad = ' '.repeat(spaces);
  return pad + s.replaceAll('\n', `\n${pad}`);
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
