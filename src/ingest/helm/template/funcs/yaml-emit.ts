/**
 * Serialises values the way Helm's `toYaml` does: sigs.k8s.io/yaml marshals to JSON, reads that
 * back with go-yaml v2 and emits block YAML (2-space indent, sequences not indented under keys,
 * keys in go-yaml's natural order, strings quoted only when needed, long lines folded at 80).
 */
import { formatFloat } from '../go-float.js';
import { GoObject, isGoMap, type GoMap, type GoValue } from '../values.js';
import { jsonFloat } from './go-json.js';
import { chooseStyle, isPrintable } from './yaml-scalar.js';

const BEST_WIDTH = 80;
const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const isDigit = (c: string): boolean => /\p{Nd}/u.test(c);

/** go-yaml v2's key order: letters before other characters, digit runs compared as numbers. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a);
  const br = Array.from(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const x = ar[i] ?? '';
    const y = br[i] ?? '';
    if (x === y) continue;
    const al = isLetter(x);
    const bl = isLetter(y);
    if (al && bl) return (x.codePointAt(0) ?? 0) < (y.codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (x === '0' || y === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? ''); j--) {
        if (ar[j] !== '0') {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai] ?? ''); ai++) an = an * 10n + BigInt(Number(ar[ai]));
    for (; bi < br.length && isDigit(br[bi] ?? ''); bi++) bn = bn * 10n + BigInt(Number(br[bi]));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (x.codePointAt(0) ?? 0) < (y.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

function sortYamlKeys(map: GoMap): string[] {
  return Object.keys(map).sort((a, b) => (yamlKeyLess(a, b) ? -1 : yamlKeyLess(b, a) ? 1 : 0));
}

/** A number after the JSON round trip: integers stay integers, the rest are go-yaml floats. */
function yamlNumber(value: number): string {
  const text = jsonFloat(value);
  if (/^-?\d+$/.test(text)) {
    const n = BigInt(text);
    if (n >= -(1n << 63n) && n < 1n << 64n) return n === 0n ? '0' : n.toString();
  }
  return formatFloat(Number(text), 'g', -1);
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '\0': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000b': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001b': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u00a0': '\\_',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function needsEscape(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  return !isPrintable(cp) || cp === 0x0a || cp === 0xa0 || c === '"' || c === '\\';
}

function escapeDouble(c: string): string {
  const known = DOUBLE_ESCAPES[c];
  if (known !== undefined) return known;
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** Line writer tracking the column like libyaml's emitter. */
class Writer {
  out = '';
  column = 0;
  /** Tracked rather than read back: `endsWith` on a growing string flattens it each time (quadratic). */
  private atLineEnd = false;

  put(text: string): void {
    this.raw(text);
    this.column += Array.from(text).length;
  }

  /** Appends without touching the column. */
  raw(text: string): void {
    if (text === '') return;
    this.out += text;
    this.atLineEnd = text.endsWith('\n');
  }

  /** Starts a new line at `indent`, unless a block scalar already ended the line. */
  newline(indent: number): void {
    this.raw(`${this.atLineEnd ? '' : '\n'}${' '.repeat(indent)}`);
    this.column = indent;
  }
}

function writeQuotedOrPlain(
  w: Writer,
  s: string,
  style: 'plain' | 'single' | 'double',
  indent: number,
  breaks: boolean,
): void {
  const chars = Array.from(s);
  if (style !== 'plain') w.put(style === 'single' ? "'" : '"');
  let spaces = false;
  chars.forEach((c, i) => {
    if (style === 'double' && needsEscape(c)) {
      w.put(escapeDouble(c));
      spaces = false;
      return;
    }
    if (c === ' ') {
      const next = chars[i + 1];
      const inner = style === 'plain' || (i !== 0 && i !== chars.length - 1);
      if (
        breaks &&
        !spaces &&
        w.column > BEST_WIDTH &&
        inner &&
        (style === 'double' || next !== ' ')
      ) {
        w.newline(indent);
        if (style === 'double' && next === ' ') w.put('\\');
      } else {
        w.put(c);
      }
      spaces = true;
      return;
    }
    w.put(style === 'single' && c === "'" ? "''" : c);
    spaces = false;
  });
  if (style !== 'plain') w.put(style === 'single' ? "'" : '"');
}

function writeLiteral(w: Writer, s: string, indent: number): void {
  let hints = '';
  if (s.startsWith(' ') || s.startsWith('\n')) hints += '2';
  if (!s.endsWith('\n')) hints += '-';
  else if (s === '\n' || s.endsWith('\n\n')) hints += '+';
  w.put(`|${hints}`);
  w.raw('\n');
  w.column = 0;
  let atLineStart = true;
  for (const c of s) {
    if (c === '\n') {
      w.raw('\n');
      w.column = 0;
      atLineStart = true;
      continue;
    }
    if (atLineStart) w.put(' '.repeat(indent));
    atLineStart = false;
    w.put(c);
  }
}

/** Writes a scalar string at the cursor; `indent` is the scalar's own indentation. */
function writeString(w: Writer, s: string, indent: number, simpleKey: boolean): void {
  const style = chooseStyle(s, simpleKey);
  if (style === 'literal') writeLiteral(w, s, indent);
  else writeQuotedOrPlain(w, s, style, indent, !simpleKey);
}

function scalarText(value: GoValue): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return yamlNumber(value);
  return undefined;
}

function isEmptyCollection(value: GoValue): string | undefined {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isGoMap(value) && Object.keys(value).length === 0) return '{}';
  return undefined;
}

/** Emits `value` whose first character goes at the cursor; `indent` is its container's indent. */
function emitNode(w: Writer, value: GoValue, indent: number, afterIndicator: boolean): void {
  const scalar = scalarText(value);
  if (scalar !== undefined) {
    w.put(scalar);
    return;
  }
  if (typeof value === 'string') {
    writeString(w, value, indent + 2, false);
    return;
  }
  if (value instanceof GoObject) {
    writeString(w, value.toGoString(), indent + 2, false);
    return;
  }
  if (typeof value === 'function') {
    w.put('null');
    return;
  }
  const empty = isEmptyCollection(value);
  if (empty !== undefined) {
    w.put(empty);
    return;
  }
  if (Array.isArray(value)) {
    emitSequence(w, value, afterIndicator ? indent + 2 : indent, afterIndicator);
    return;
  }
  if (isGoMap(value)) emitMapping(w, value, afterIndicator ? indent + 2 : indent, afterIndicator);
}

function emitSequence(w: Writer, list: GoValue[], indent: number, inline: boolean): void {
  list.forEach((item, i) => {
    if (i > 0 || !inline) w.newline(indent);
    w.put('- ');
    emitNode(w, item, indent, true);
  });
}

function emitMapping(w: Writer, map: GoMap, indent: number, inline: boolean): void {
  sortYamlKeys(map).forEach((key, i) => {
    if (i > 0 || !inline) w.newline(indent);
    writeString(w, key, indent + 2, true);
    w.put(':');
    const value = map[key];
    const nested =
      (Array.isArray(value) || isGoMap(value)) && isEmptyCollection(value) === undefined;
    if (nested) {
      // block sequences under a key are not indented; block mappings are
      if (Array.isArray(value)) emitSequence(w, value, indent, false);
      else emitMapping(w, value, indent + 2, false);
    } else {
      w.put(' ');
      emitNode(w, value, indent, false);
    }
  });
}

/** yaml.Marshal output (with its trailing newline). Throws where json.Marshal would. */
export function toGoYaml(value: GoValue): string {
  const w = new Writer();
  if (Array.isArray(value) && value.length > 0) emitSequence(w, value, 0, true);
  else if (isGoMap(value) && Object.keys(value).length > 0) emitMapping(w, value, 0, true);
  else emitNode(w, value, 0, false);
  const out = w.out.replace(/^\n/, '');
  return out.endsWith('\n') ? out : `${out}\n`;
}
