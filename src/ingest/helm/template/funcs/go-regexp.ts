/**
 * Go RE2 patterns on JS RegExp: translates the syntax the two spell differently and rejects what
 * RE2 does not have (backreferences, lookaround), with Go's match iteration rules.
 */

const POSIX: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const JS_SYNTAX = new Set(Array.from('^$\\.*+?()[]{}|/-'));

function escapeChar(ch: string): string {
  return JS_SYNTAX.has(ch)
    ? `\\${ch}`
    : /[A-Za-z0-9]/.test(ch)
      ? ch
      : `\\x${(ch.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`.replace(
          /^\\x(.{3,})$/,
          '\\u{$1}',
        );
}

function readFlags(src: string): [string, string] {
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m === null) return ['', src];
  const flags = m[1] ?? '';
  if (flags.includes('U'))
    throw new Error('error parsing regexp: ungreedy flag (?U) is not supported');
  return [flags, src.slice(m[0].length)];
}

/** Translates an RE2 pattern to JS source and flags. */
export function translateRe2(pattern: string): { source: string; flags: string } {
  const [flags, body] = readFlags(pattern);
  let out = '';
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] ?? '';
    const rest = body.slice(i);
    if (ch === '\\') {
      const next = body[i + 1] ?? '';
      if (next === '')
        throw new Error('error parsing regexp: trailing backslash at end of expression: ``');
      if (/[1-9]/.test(next))
        throw new Error(`error parsing regexp: invalid escape sequence: \`\\${next}\``);
      if (next === 'Q') {
        const end = body.indexOf('\\E', i + 2);
        const lit = body.slice(i + 2, end < 0 ? undefined : end);
        out += Array.from(lit).map(escapeChar).join('');
        i = end < 0 ? body.length : end + 1;
        continue;
      }
      if (next === 'A') out += '^';
      else if (next === 'z') out += '$(?![\\s\\S])';
      else if (next === 'p' || next === 'P') {
        const m = /^\\[pP](\{[^}]*\}|[A-Za-z])/.exec(rest);
        if (m === null) throw new Error('error parsing regexp: invalid character class range');
        const name = (m[1] ?? '').replace(/[{}]/g, '');
        out += `\\${next}{${name}}`;
        i += m[0].length - 2;
      } else if (/[a-zA-Z0-9]/.test(next)) out += `\\${next}`;
      else out += escapeChar(next);
      i++;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest);
      if (posix !== null) {
        const set = POSIX[posix[2] ?? ''];
        if (set === undefined || posix[1] === '^')
          throw new Error(`error parsing regexp: invalid character class range: \`${posix[0]}\``);
        out += set;
        i += posix[0].length - 1;
        continue;
      }
      if (ch === ']') inClass = false;
      out += ch === '[' || ch === '/' ? `\\${ch}` : ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      if (body[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (body[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (rest.startsWith('(?P<')) {
      out += '(?<';
      i += 3;
      continue;
    }
    if (/^\(\?(=|!|<=|<!)/.test(rest))
      throw new Error(
        'error parsing regexp: invalid or unsupported Perl syntax: `(?' + (rest[2] ?? '') + '`',
      );
    if (/^\(\?[imsU-]+[:)]/.test(rest))
      throw new Error('error parsing regexp: inline flags inside a pattern are not supported');
    out += ch === '/' ? '\\/' : ch;
  }
  return { source: out, flags };
}

const cache = new Map<string, RegExp>();

/**
 * A quantified group whose body ends in an unbounded repetition, e.g. `(a+)+` or `(x|y*)*`: the
 * classic exponential-backtracking shape. Patterns like `([a-z]+\.)+` stay allowed.
 */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})\)(?:[+*]|\{\d+,\d*\})/;

/** Compiles an RE2 pattern (cached); throws Go-style "error parsing regexp" messages. */
export function compileRe2(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  const { source, flags } = translateRe2(pattern);
  if (NESTED_QUANTIFIER.test(source)) {
    // RE2 runs these in linear time; a backtracking engine can take exponential time.
    throw new Error(`error parsing regexp: nested repetition is not supported: \`${pattern}\``);
  }
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}gu`);
  } catch (error) {
    throw new Error(
      `error parsing regexp: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return re;
}

export interface GoMatch {
  readonly start: number;
  readonly end: number;
  readonly match: RegExpExecArray;
}

/** Go's allMatches: successive matches, skipping empty matches right after a previous match. */
export function goFindAll(re: RegExp, s: string, n: number): GoMatch[] {
  const out: GoMatch[] = [];
  let pos = 0;
  let prevEnd = -1;
  while (pos <= s.length && (n < 0 || out.length < n)) {
    re.lastIndex = pos;
    const m = re.exec(s);
    if (m === null) break;
    const start = m.index;
    const end = start + m[0].length;
    let accept = true;
    if (end === start) {
      if (start === prevEnd) accept = false;
      const cp = s.codePointAt(start);
      pos = start + (cp !== undefined && cp > 0xffff ? 2 : 1);
    } else {
      pos = end;
    }
    prevEnd = end;
    if (accept) out.push({ start, end, match: m });
  }
  return out;
}

/** Go's Regexp.Expand for `$1`, `${1}`, `$name`, `${name}`, `$$`. */
export function goExpand(template: string, m: RegExpExecArray): string {
  return template.replace(
    /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
    (whole, dollar: string, braced?: string, bare?: string) => {
      if (dollar === '$') return '$';
      const name = braced ?? bare ?? '';
      if (/^\d+$/.test(name)) return m[Number(name)] ?? '';
      return m.groups?.[name] ?? '';
    },
  );
}

/** Go's Regexp.Split. */
export function goSplit(re: RegExp, pattern: string, s: string, n: number): string[] {
  if (n === 0) return [];
  if (pattern.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  let end = 0;
  for (const m of goFindAll(re, s, n)) {
    if (n > 0 && out.length === n - 1) break;
    end = m.start;
    if (m.end !== 0) out.push(s.slice(beg, end));
    beg = m.end;
  }
  if (end !== s.length) out.push(s.slice(beg));
  return out;
}

/** regexp.QuoteMeta. */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
