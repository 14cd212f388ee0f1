/** Go's strconv.Quote family, used by `%q`, `quote`-less printing and `js`-style escaping. */

function isGoPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp === 0xfffe || cp === 0xffff) return false;
  return !/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp)) || cp === 0x20;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u000b': '\\v',
  '\\': '\\\\',
};

function hex(cp: number, width: number): string {
  return cp.toString(16).padStart(width, '0');
}

/** strconv.Quote (or QuoteToASCII when `asciiOnly`). */
export function goQuote(text: string, asciiOnly = false, quoteChar = '"'): string {
  let out = quoteChar;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quoteChar) {
      out += `\\${ch}`;
    } else if (SIMPLE_ESCAPES[ch] !== undefined) {
      out += SIMPLE_ESCAPES[ch];
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      out += '\\ufffd';
    } else if (asciiOnly ? cp >= 0x20 && cp < 0x7f : isGoPrintable(cp)) {
      out += ch;
    } else if (cp < 0x80) {
      out += `\\x${hex(cp, 2)}`;
    } else if (cp < 0x10000) {
      out += `\\u${hex(cp, 4)}`;
    } else {
      out += `\\U${hex(cp, 8)}`;
    }
  }
  return out + quoteChar;
}

/** strconv.CanBackquote: whether `%#q` may use a raw string. */
export function canBackquote(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '`' || ch === '\ufeff') return false;
    if (cp < 0x20 && ch !== '\t') return false;
    if (cp === 0x7f) return false;
  }
  return true;
}
