/** Decoding of Go literals inside actions: quoted strings, raw strings, chars and numbers. */
import type { NumberNode, Pos } from './ast.js';

const SIMPLE: Record<string, string> = {
  a: '\u0007',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\u000b',
  '\\': '\\',
  "'": "'",
  '"': '"',
};

/** Unquotes a Go interpreted string or char literal body; throws a message on bad escapes. */
export function unquoteGo(body: string, quote: '"' | "'"): string {
  let out = '';
  const bytes: number[] = [];
  const flushBytes = (): void => {
    if (bytes.length > 0) out += Buffer.from(bytes).toString('utf8');
    bytes.length = 0;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      flushBytes();
      out += c;
      continue;
    }
    const e = body[i + 1] ?? '';
    const simple = SIMPLE[e];
    if (simple !== undefined && !(e === "'" && quote === '"') && !(e === '"' && quote === "'")) {
      flushBytes();
      out += simple;
      i++;
    } else if (e === 'x' || /[0-7]/.test(e)) {
      const len = e === 'x' ? 2 : 3;
      const digits = e === 'x' ? body.slice(i + 2, i + 4) : body.slice(i + 1, i + 4);
      const ok = e === 'x' ? /^[0-9a-fA-F]{2}$/.test(digits) : /^[0-7]{3}$/.test(digits);
      const byte = parseInt(digits, e === 'x' ? 16 : 8);
      if (!ok || byte > 255) throw new Error('invalid escape in string literal');
      bytes.push(byte);
      i += e === 'x' ? len + 1 : len;
    } else if (e === 'u' || e === 'U') {
      const len = e === 'u' ? 4 : 8;
      const digits = body.slice(i + 2, i + 2 + len);
      const cp = parseInt(digits, 16);
      if (
        !/^[0-9a-fA-F]+$/.test(digits) ||
        digits.length !== len ||
        cp > 0x10ffff ||
        (cp >= 0xd800 && cp < 0xe000)
      ) {
        throw new Error('invalid escape in string literal');
      }
      flushBytes();
      out += String.fromCodePoint(cp);
      i += len + 1;
    } else {
      throw new Error('invalid escape in string literal');
    }
  }
  flushBytes();
  return out;
}

function parseGoInt(text: string): bigint | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(
    text,
  );
  if (m === null) return undefined;
  const sign = m[1] === '-' ? -1n : 1n;
  let body = m[2] ?? '';
  // Go accepts underscores only between digits or right after a base prefix.
  if (/__|_$/.test(body)) return undefined;
  body = body.replace(/_/g, '');
  let value: bigint;
  if (/^0[xXoObB]/.test(body)) value = BigInt(body.toLowerCase());
  else if (body.length > 1 && body.startsWith('0')) value = BigInt(`0o${body.slice(1)}`);
  else value = BigInt(body);
  return sign * value;
}

function parseGoFloat(text: string): number | undefined {
  const clean = text.replace(/_/g, '');
  if (/^[+-]?0[xX]/.test(clean)) {
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/.exec(clean);
    if (m === null) return undefined;
    const mant = parseInt(`${m[2] ?? ''}${m[3] ?? ''}` || '0', 16);
    const value = mant * 2 ** (Number(m[4]) - 4 * (m[3] ?? '').length);
    return m[1] === '-' ? -value : value;
  }
  if (!/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(clean)) return undefined;
  return Number(clean);
}

/** Builds a number constant like Go's parser, or returns an error message. */
export function parseNumber(
  text: string,
  pos: Pos,
  isChar: boolean,
  charValue?: number,
): NumberNode | string {
  const base = { kind: 'number' as const, text, line: pos.line, col: pos.col };
  if (isChar) {
    const v = charValue ?? 0;
    return { ...base, int: BigInt(v), float: v, preferFloat: false };
  }
  if (text.endsWith('i')) return `imaginary numbers are not supported: ${text}`;
  const int = parseGoInt(text);
  const INT64_MAX = (1n << 63n) - 1n;
  if (int !== undefined && int >= -INT64_MAX - 1n && int <= INT64_MAX) {
    return { ...base, int, float: Number(int), preferFloat: false };
  }
  if (int !== undefined && int >= 0n && int < 1n << 64n) {
    // Go keeps uint64 constants; using one as an int fails only when executed.
    return { ...base, int: undefined, float: Number(int), preferFloat: false };
  }
  const float = parseGoFloat(text);
  if (float === undefined) return `illegal number syntax: ${JSON.stringify(text)}`;
  if (!/[.eEpP]/.test(text) || (/^[+-]?0[xX]/.test(text) && !/[pP]/.test(text))) {
    return `integer overflow: ${JSON.stringify(text)}`;
  }
  const integral = Number.isInteger(float) && Math.abs(float) < 9.223372036854776e18;
  const preferFloat = !/^[+-]?0[xX][0-9a-fA-F_]+$/.test(text);
  return { ...base, int: integral ? BigInt(float) : undefined, float, preferFloat };
}
