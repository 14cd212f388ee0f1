import { resolvePlainScalar } from './yaml-schema.js';

/*
 * A reader for the subset of YAML that Kubernetes manifests are written in: block mappings and
 * sequences (including sequences at their key's indentation), plain, quoted and block scalars,
 * flow collections of scalars and comments. It exists for speed only: whenever the text holds
 * anything outside that subset, or anything the reader is not certain how js-yaml would treat
 * (anchors, tags, complex keys, duplicate keys, tabs in structure, odd indentation, escapes it
 * does not know, ...), it gives up and the caller parses the document with js-yaml instead.
 * Giving up is always safe; returning a value that js-yaml would not return is never allowed.
 *
 * Besides the value, the reader writes a "tape" of Int32 offsets from which source positions are
 * derived lazily (see `TapeIndex` in source-map.ts). Every node starts with its kind; a
 * collection's kind is followed by the tape index just past the collection, then its entries:
 * for mappings the offset of each key followed by the value node, for sequences the offset of
 * each item's first character followed by the item node. Keys are not stored: their names are
 * read again from the text when a position is asked for.
 */

/** Tape kind of a scalar node (one slot). */
export const TAPE_SCALAR = 0;
/** Tape kind of a block mapping. */
export const TAPE_BLOCK_MAP = 1;
/** Tape kind of a flow mapping (`{a: 1}`); its keys are read with flow rules. */
export const TAPE_FLOW_MAP = 2;
/** Tape kind of a block or flow sequence. */
export const TAPE_SEQUENCE = 3;

/** A document the fast reader fully understood. */
export interface FastDocument {
  readonly value: unknown;
  /** Offset of the first character of the document's content. */
  readonly root: number;
  /** Node layout with entry offsets, as described above. */
  readonly tape: Int32Array;
}

/** Collections nested deeper than this are left to js-yaml, which enforces the real limits. */
const MAX_DEPTH = 256;
/** Well below js-yaml's node budget (YAML_LIMITS.maxNodes counts its listener's nodes). */
const MAX_NODES = 250_000;
const MAX_KEY_LENGTH = 1024;

const TAB = 0x09;
const LF = 0x0a;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const APOSTROPHE = 0x27;
const PLUS = 0x2b;
const COMMA = 0x2c;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const QUESTION = 0x3f;
const GREATER = 0x3e;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const PIPE = 0x7c;
const CLOSE_BRACE = 0x7d;

/** Raised to abandon the fast path; never leaves this module. */
const UNSURE = new Error('fast-yaml: left to js-yaml');

/**
 * Characters outside YAML's printable set (js-yaml rejects those), plus CR, NEL, BOM and
 * surrogates, whose handling the reader does not reproduce (astral characters get a second look).
 */
/** A quicker first look: most manifests are plain ASCII. */
const NOT_ASCII = /[^\t\n\x20-\x7e]/;
const UNUSUAL = /[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const UNUSUAL_BESIDES_ASTRAL =
  /[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

/** Indicators: characters that cannot start a plain scalar (`-`, `?`, `:` sometimes can). */
const INDICATOR = new Uint8Array(128);
for (const char of '-?:,[]{}#&*!|>\'"%@`') INDICATOR[char.charCodeAt(0)] = 1;

/** Single-character escapes of double-quoted scalars. */
const ESCAPES = new Map<number, string>(
  (
    [
      ['0', '\0'],
      ['a', '\x07'],
      ['b', '\b'],
      ['t', '\t'],
      ['\t', '\t'],
      ['n', '\n'],
      ['v', '\v'],
      ['f', '\f'],
      ['r', '\r'],
      ['e', '\x1b'],
      [' ', ' '],
      ['"', '"'],
      ['/', '/'],
      ['\\', '\\'],
      ['N', '\x85'],
      ['_', '\xa0'],
      ['L', '\u2028'],
      ['P', '\u2029'],
    ] as const
  ).map(([escape, value]) => [escape.charCodeAt(0), value]),
);
const HEX_ESCAPE_LENGTH = new Map([
  [0x78, 2],
  [0x75, 4],
  [0x55, 8],
]);

/** Whether `code` ends a token: a space, a line break or the end of the text (NaN). */
function isBlank(code: number): boolean {
  return code === SPACE || code === LF || Number.isNaN(code);
}

function isFlowIndicator(code: number): boolean {
  return (
    code === COMMA ||
    code === OPEN_BRACKET ||
    code === CLOSE_BRACKET ||
    code === OPEN_BRACE ||
    code === CLOSE_BRACE
  );
}

/** Whether a plain scalar may start with `code` followed by `next` (in flow context if `flow`). */
function isPlainStart(code: number, next: number, flow: boolean): boolean {
  if (code <= SPACE || Number.isNaN(code)) return false;
  if (code >= 128 || INDICATOR[code] === 0) return true;
  if (code !== DASH && code !== QUESTION && code !== COLON) return false;
  return !isBlank(next) && next !== TAB && !(flow && isFlowIndicator(next));
}

/**
 * Whether the line starting at `at` starts with `---` or `...`. js-yaml takes those for document
 * markers even when more text follows them, so the reader leaves all such lines alone.
 */
function isDocumentMarker(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (
    (code === DASH || code === DOT) &&
    text.charCodeAt(at + 1) === code &&
    text.charCodeAt(at + 2) === code
  );
}

/** Property name for a plain key, as js-yaml turns a resolved key into one. */
function plainKeyName(raw: string): string {
  if (raw === '<<') throw UNSURE;
  const value = resolvePlainScalar(raw);
  return typeof value === 'string' ? value : String(value);
}

/*
 * Tapes are written into a shared arena and handed out as views of it, so that a document costs
 * no buffer of its own. A reader that gives up leaves its space to the next one.
 */
const ARENA_SIZE = 1 << 18;
let arena = new Int32Array(ARENA_SIZE);
let arenaUsed = 0;

/*
 * Recently seen plain block keys, by first character, length and last character: a key that is
 * found here is taken without scanning, slicing or resolving it again. Only a key spelled exactly
 * like the remembered one (and followed by `: ` or `:` and a line break) matches, and such a key
 * scans exactly like the remembered one did.
 */
const KEY_SLOTS = 4096;
const keyTexts: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);
const keyNames: string[] = new Array<string>(KEY_SLOTS).fill('');
const MAX_CACHED_KEY = 64;

function keySlot(first: number, length: number, last: number): number {
  return (first * 961 + length * 31 + last) & (KEY_SLOTS - 1);
}

class Reader {
  private readonly text: string;
  private pos = 0;
  /** Offset where the line holding `pos` starts. */
  private lineStart = 0;
  /** Indentation of the line `pos` is on, when `pos` is its first content; -1 at the end. */
  private indent = -1;
  private depth = 0;
  private nodes = 0;
  /** Where this reader's tape starts in the arena, and how much of it is written. */
  private base = arenaUsed;
  private used = 0;

  constructor(text: string, pos = 0) {
    this.text = text;
    this.pos = pos;
  }

  document(): FastDocument {
    this.prolog();
    if (this.indent < 0) return { value: null, root: this.pos, tape: new Int32Array(0) };
    const root = this.pos;
    const code = this.text.charCodeAt(root);
    if (code === PIPE || code === GREATER) throw UNSURE;
    // js-yaml wants the lines of a top-level scalar indented as far as its first line.
    const value = this.blockNode(this.indent - 1);
    if (this.indent >= 0) throw UNSURE;
    const tape = arena.subarray(this.base, this.base + this.used);
    arenaUsed = this.base + this.used;
    return { value, root, tape };
  }

  /** A key's property name, read again at `pos` (for lazily built positions). */
  keyName(flow: boolean): string {
    return flow ? this.flowKey() : this.blockKey();
  }

  private write(value: number): void {
    if (this.base + this.used === arena.length) {
      // Move this document's tape to the start of a new arena (twice its size when it is big).
      const grown = new Int32Array(Math.max(ARENA_SIZE, this.used * 2));
      grown.set(arena.subarray(this.base, this.base + this.used));
      arena = grown;
      this.base = 0;
    }
    arena[this.base + this.used++] = value;
  }

  private scalar(): void {
    if (++this.nodes > MAX_NODES) throw UNSURE;
    this.write(TAPE_SCALAR);
  }

  private open(kind: number): number {
    if (++this.nodes > MAX_NODES) throw UNSURE;
    const at = this.used;
    this.write(kind);
    this.write(0);
    return at;
  }

  private close(at: number): void {
    arena[this.base + at + 1] = this.used;
  }

  private assign(map: Record<string, unknown>, key: string, value: unknown): void {
    if (key === '__proto__' || Object.hasOwn(map, key)) throw UNSURE;
    map[key] = value;
  }

  private atEnd(): void {
    this.pos = this.text.length;
    this.lineStart = this.pos;
    this.indent = -1;
  }

  /** Moves to the first content of the first line from `from` (a line start) that has any. */
  private toContent(from: number): void {
    const { text } = this;
    let at = from;
    for (;;) {
      // Reading past the end is avoided where documents usually end: optimized code that meets
      // an out-of-range read is thrown away and compiled again.
      if (at >= text.length) {
        this.atEnd();
        return;
      }
      const start = at;
      while (text.charCodeAt(at) === SPACE) at += 1;
      const code = text.charCodeAt(at);
      if (code === LF) {
        at += 1;
      } else if (code === HASH) {
        const eol = text.indexOf('\n', at);
        if (eol === -1) {
          this.atEnd();
          return;
        }
        at = eol + 1;
      } else if (Number.isNaN(code)) {
        this.atEnd();
        return;
      } else if (code === TAB || (at === start && isDocumentMarker(text, at))) {
        throw UNSURE;
      } else {
        this.lineStart = start;
        this.pos = at;
        this.indent = at - start;
        return;
      }
    }
  }

  /** After a complete token: the rest of the line may only be spaces and a comment. */
  private endLine(): void {
    const { text } = this;
    let at = this.pos;
    while (text.charCodeAt(at) === SPACE) at += 1;
    let code = text.charCodeAt(at);
    if (code === HASH) {
      if (text.charCodeAt(at - 1) !== SPACE) throw UNSURE;
      const eol = text.indexOf('\n', at);
      at = eol === -1 ? text.length : eol;
      code = text.charCodeAt(at);
    }
    if (code === LF) this.toContent(at + 1);
    else if (Number.isNaN(code)) this.atEnd();
    else throw UNSURE;
  }

  private skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos += 1;
  }

  /** Blank lines, comments and one `---` marker before the content; directives are left alone. */
  private prolog(): void {
    const { text } = this;
    let at = 0;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === PERCENT) throw UNSURE;
      if (isDocumentMarker(text, at)) {
        if (code !== DASH || !isBlank(text.charCodeAt(at + 3))) throw UNSURE;
        this.pos = at + 3;
        this.endLine();
        return;
      }
      let end = at;
      while (text.charCodeAt(end) === SPACE) end += 1;
      const first = text.charCodeAt(end);
      if (first !== LF && first !== HASH) {
        this.toContent(at);
        return;
      }
      const eol = text.indexOf('\n', end);
      if (eol === -1) {
        this.atEnd();
        return;
      }
      at = eol + 1;
    }
  }

  /** A node in block context starting at `pos`; `parent` is the enclosing indentation. */
  private blockNode(parent: number): unknown {
    if (++this.depth > MAX_DEPTH) throw UNSURE;
    const column = this.pos - this.lineStart;
    const code = this.text.charCodeAt(this.pos);
    let value: unknown;
    if (code === DASH && isBlank(this.text.charCodeAt(this.pos + 1)))
      value = this.blockSequence(column);
    else if (code === OPEN_BRACKET || code === OPEN_BRACE) value = this.flowInBlock(parent);
    else if (code === PIPE || code === GREATER) value = this.blockScalar(parent);
    else value = this.scalarOrMapping(parent, column);
    this.depth -= 1;
    return value;
  }

  /** A scalar, or, when a `:` follows it on its line, a block mapping whose first key it is. */
  private scalarOrMapping(parent: number, column: number): unknown {
    const start = this.pos;
    const code = this.text.charCodeAt(this.pos);
    if (code === QUOTE || code === APOSTROPHE) {
      const line = this.lineStart;
      const value = this.quoted(parent, true);
      this.skipSpaces();
      if (this.text.charCodeAt(this.pos) === COLON && isBlank(this.text.charCodeAt(this.pos + 1))) {
        if (this.lineStart !== line) throw UNSURE;
        this.pos = start;
        return this.blockMapping(column);
      }
      this.scalar();
      this.endLine();
      return value;
    }
    if (!isPlainStart(code, this.text.charCodeAt(start + 1), false)) throw UNSURE;
    const end = this.plainLineEnd(start);
    if (this.text.charCodeAt(this.pos) === COLON) {
      this.pos = start;
      return this.blockMapping(column);
    }
    return this.plainScalar(parent, start, end);
  }

  private blockMapping(column: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const header = this.open(TAPE_BLOCK_MAP);
    for (;;) {
      this.write(this.pos);
      const key = this.blockKey();
      this.assign(map, key, this.mappingValue(column));
      if (this.indent !== column) {
        if (this.indent > column) throw UNSURE;
        break;
      }
    }
    this.close(header);
    return map;
  }

  /** Reads a block mapping key and its `:`; single-line keys only. */
  private blockKey(): string {
    const start = this.pos;
    const code = this.text.charCodeAt(this.pos);
    let key: string;
    if (code === QUOTE || code === APOSTROPHE) {
      key = this.quoted(-1, false);
      this.skipSpaces();
      if (this.text.charCodeAt(this.pos) !== COLON || !isBlank(this.text.charCodeAt(this.pos + 1)))
        throw UNSURE;
    } else {
      const known = this.knownKey(start, code);
      if (known !== undefined) return known;
      if (!isPlainStart(code, this.text.charCodeAt(start + 1), false)) throw UNSURE;
      const end = this.plainLineEnd(start);
      if (this.text.charCodeAt(this.pos) !== COLON) throw UNSURE;
      const raw = this.text.slice(start, end);
      key = plainKeyName(raw);
      if (raw.length <= MAX_CACHED_KEY) {
        const slot = keySlot(code, raw.length, raw.charCodeAt(raw.length - 1));
        keyTexts[slot] = raw;
        keyNames[slot] = key;
      }
    }
    if (this.pos - start > MAX_KEY_LENGTH) throw UNSURE;
    this.pos += 1;
    return key;
  }

  /** The name of a remembered plain key spelled at `start`, moving past its `:`. */
  private knownKey(start: number, first: number): string | undefined {
    const { text } = this;
    const colon = text.indexOf(':', start);
    const length = colon - start;
    if (length <= 0 || length > MAX_CACHED_KEY) return undefined;
    const slot = keySlot(first, length, text.charCodeAt(colon - 1));
    const known = keyTexts[slot];
    if (known?.length !== length || !isBlank(text.charCodeAt(colon + 1))) return undefined;
    if (!text.startsWith(known, start)) return undefined;
    this.pos = colon + 1;
    return keyNames[slot];
  }

  /** The value after a block mapping key's `:` in a mapping at `column`. */
  private mappingValue(column: number): unknown {
    this.skipSpaces();
    const code = this.text.charCodeAt(this.pos);
    if (code !== LF && code !== HASH && !Number.isNaN(code)) return this.inlineValue(column);
    this.endLine();
    if (this.indent > column) return this.blockNode(column);
    if (
      this.indent === column &&
      this.text.charCodeAt(this.pos) === DASH &&
      isBlank(this.text.charCodeAt(this.pos + 1))
    ) {
      return this.blockNode(column);
    }
    this.scalar();
    return null;
  }

  /** A value on its key's line: anything but a nested block collection. */
  private inlineValue(parent: number): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (code === PIPE || code === GREATER) return this.blockScalar(parent);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowInBlock(parent);
    if (code === QUOTE || code === APOSTROPHE) {
      const value = this.quoted(parent, true);
      this.scalar();
      this.endLine();
      return value;
    }
    const start = this.pos;
    if (!isPlainStart(code, this.text.charCodeAt(start + 1), false)) throw UNSURE;
    const end = this.plainLineEnd(start);
    if (this.text.charCodeAt(this.pos) === COLON) throw UNSURE;
    return this.plainScalar(parent, start, end);
  }

  private blockSequence(column: number): unknown[] {
    const list: unknown[] = [];
    const header = this.open(TAPE_SEQUENCE);
    for (;;) {
      this.pos += 1;
      this.skipSpaces();
      const code = this.text.charCodeAt(this.pos);
      if (code === LF || code === HASH || Number.isNaN(code)) {
        this.endLine();
        // An entry with nothing in it gets no node from js-yaml; positions would differ.
        if (this.indent <= column) throw UNSURE;
      }
      this.write(this.pos);
      list.push(this.blockNode(column));
      if (this.indent !== column) {
        if (this.indent > column) throw UNSURE;
        break;
      }
      if (this.text.charCodeAt(this.pos) !== DASH || !isBlank(this.text.charCodeAt(this.pos + 1)))
        break;
    }
    this.close(header);
    return list;
  }

  /**
   * Scans one line of a plain scalar from `from`; stops at a `:` that ends a key, a comment or
   * the line's end, leaving `pos` there. Returns where the scalar's text ends (no trailing spaces).
   */
  private plainLineEnd(from: number): number {
    const { text } = this;
    let at = from;
    let end = from;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === SPACE) {
        at += 1;
        continue;
      }
      if (code === LF || Number.isNaN(code)) break;
      if (code === TAB) throw UNSURE;
      if (code === HASH && text.charCodeAt(at - 1) === SPACE) break;
      if (code === COLON) {
        const next = text.charCodeAt(at + 1);
        if (next === SPACE || next === LF || Number.isNaN(next)) break;
        if (next === TAB) throw UNSURE;
      }
      at += 1;
      end = at;
    }
    this.pos = at;
    return end;
  }

  /**
   * A plain scalar in block context whose first line is `[start, end)`: later lines indented
   * past `parent` continue it, folded into one line (blank lines become line breaks).
   */
  private plainScalar(parent: number, start: number, end: number): unknown {
    const { text } = this;
    let folded: string | undefined;
    let next = -1;
    while (this.text.charCodeAt(this.pos) === LF) {
      let at = this.pos + 1;
      if (at >= text.length) break;
      let lineStart = at;
      let blank = 0;
      while (text.charCodeAt(at) === SPACE) at += 1;
      while (text.charCodeAt(at) === LF) {
        blank += 1;
        lineStart = at + 1;
        at = lineStart;
        while (text.charCodeAt(at) === SPACE) at += 1;
      }
      const code = text.charCodeAt(at);
      if (code === TAB) throw UNSURE;
      if (Number.isNaN(code) || at - lineStart <= parent || code === HASH) {
        next = lineStart;
        break;
      }
      if (at === lineStart && isDocumentMarker(text, at)) throw UNSURE;
      const lineEnd = this.plainLineEnd(at);
      if (this.text.charCodeAt(this.pos) === COLON) throw UNSURE;
      folded ??= text.slice(start, end);
      folded += (blank === 0 ? ' ' : '\n'.repeat(blank)) + text.slice(at, lineEnd);
    }
    this.scalar();
    if (next >= 0) {
      this.toContent(next);
    } else {
      // The scalar ended at a comment or at the end of the text.
      this.endLine();
      if (this.indent > parent) throw UNSURE;
    }
    return resolvePlainScalar(folded ?? text.slice(start, end));
  }

  private quoted(parent: number, multiLine: boolean): string {
    return this.text.charCodeAt(this.pos) === APOSTROPHE
      ? this.singleQuoted(parent, multiLine)
      : this.doubleQuoted(parent, multiLine);
  }

  private singleQuoted(parent: number, multiLine: boolean): string {
    const { text } = this;
    let at = this.pos + 1;
    let segment = at;
    let out = '';
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === APOSTROPHE) {
        if (text.charCodeAt(at + 1) !== APOSTROPHE) break;
        out += text.slice(segment, at + 1);
        at += 2;
        segment = at;
      } else if (code === LF) {
        if (!multiLine) throw UNSURE;
        out += this.trimmedBeforeBreak(segment, at);
        at = this.fold(at, parent);
        out += this.foldedBreak;
        segment = at;
      } else if (Number.isNaN(code)) {
        throw UNSURE;
      } else {
        at += 1;
      }
    }
    this.pos = at + 1;
    return out + text.slice(segment, at);
  }

  private doubleQuoted(parent: number, multiLine: boolean): string {
    const { text } = this;
    let at = this.pos + 1;
    let segment = at;
    let out = '';
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === QUOTE) break;
      if (code === BACKSLASH) {
        out += text.slice(segment, at);
        const escape = text.charCodeAt(at + 1);
        if (escape === LF) {
          if (!multiLine) throw UNSURE;
          // An escaped line break joins the lines without a space.
          at = this.fold(at + 1, parent);
          if (this.foldedBreak !== ' ') throw UNSURE;
        } else {
          out += this.escaped(escape, at);
          at += 2 + (HEX_ESCAPE_LENGTH.get(escape) ?? 0);
        }
        segment = at;
      } else if (code === LF) {
        if (!multiLine) throw UNSURE;
        out += this.trimmedBeforeBreak(segment, at);
        at = this.fold(at, parent);
        out += this.foldedBreak;
        segment = at;
      } else if (Number.isNaN(code)) {
        throw UNSURE;
      } else {
        at += 1;
      }
    }
    this.pos = at + 1;
    return out + text.slice(segment, at);
  }

  /** The character an escape sequence `\<escape>...` at `at` stands for. */
  private escaped(escape: number, at: number): string {
    const simple = ESCAPES.get(escape);
    if (simple !== undefined) return simple;
    const length = HEX_ESCAPE_LENGTH.get(escape);
    if (length === undefined) throw UNSURE;
    let point = 0;
    for (let index = at + 2; index < at + 2 + length; index += 1) {
      const digit = parseInt(this.text.charAt(index), 16);
      if (Number.isNaN(digit)) throw UNSURE;
      point = point * 16 + digit;
    }
    if ((point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) throw UNSURE;
    return String.fromCodePoint(point);
  }

  /** `text[from, lineBreak)` without trailing spaces: they do not survive a folded break. */
  private trimmedBeforeBreak(from: number, lineBreak: number): string {
    let end = lineBreak;
    while (end > from && this.text.charCodeAt(end - 1) === SPACE) end -= 1;
    if (this.text.charCodeAt(end - 1) === TAB && end > from) throw UNSURE;
    return this.text.slice(from, end);
  }

  /** What the last {@link fold} turned its line break(s) into. */
  private foldedBreak = ' ';

  /**
   * Skips a line break at `lineBreak` inside a quoted scalar, any blank lines after it and the
   * next line's indentation, which must go past `parent`. Returns where the text goes on.
   */
  private fold(lineBreak: number, parent: number): number {
    const { text } = this;
    let at = lineBreak + 1;
    let blank = 0;
    for (;;) {
      const start = at;
      while (text.charCodeAt(at) === SPACE) at += 1;
      const code = text.charCodeAt(at);
      if (code === TAB || Number.isNaN(code)) throw UNSURE;
      if (code !== LF) {
        if (at - start <= parent || (at === start && isDocumentMarker(text, at))) throw UNSURE;
        this.lineStart = start;
        break;
      }
      blank += 1;
      at += 1;
    }
    this.foldedBreak = blank === 0 ? ' ' : '\n'.repeat(blank);
    return at;
  }

  /** A `|` or `>` block scalar whose header is at `pos`, in a node indented past `parent`. */
  private blockScalar(parent: number): string {
    const { text } = this;
    const folded = this.text.charCodeAt(this.pos) === GREATER;
    let at = this.pos + 1;
    let explicit = 0;
    let chomp = 0;
    for (let indicator = 0; indicator < 2; indicator += 1) {
      const code = text.charCodeAt(at);
      if (code >= 0x31 && code <= 0x39 && explicit === 0) explicit = code - 0x30;
      else if ((code === PLUS || code === DASH) && chomp === 0) chomp = code === PLUS ? 1 : -1;
      else break;
      at += 1;
    }
    if (!isBlank(text.charCodeAt(at))) throw UNSURE;
    while (text.charCodeAt(at) === SPACE) at += 1;
    if (text.charCodeAt(at) === HASH) at = text.indexOf('\n', at);
    if (text.charCodeAt(at) !== LF) throw UNSURE;
    const first = at + 1;
    const indent = explicit > 0 ? parent + explicit : this.detectIndent(first, parent);
    const body = indent > parent ? this.blockLines(first, indent, folded) : undefined;
    this.scalar();
    if (body === undefined || body.lines === 0) {
      if (chomp === 1) throw UNSURE;
      this.toContent(first);
      return '';
    }
    if (body.next < text.length) this.toContent(body.next);
    else this.atEnd();
    if (chomp < 0) return body.text;
    return body.text + (chomp === 0 ? '\n' : '\n'.repeat(body.trailing + 1));
  }

  /** Indentation of a block scalar's first non-blank line (at most `parent` when it has none). */
  private detectIndent(first: number, parent: number): number {
    const { text } = this;
    let at = first;
    let widestBlank = 0;
    for (;;) {
      if (at >= text.length) {
        if (widestBlank > 0) throw UNSURE;
        return -1;
      }
      const start = at;
      while (text.charCodeAt(at) === SPACE) at += 1;
      const code = text.charCodeAt(at);
      if (code === LF) {
        widestBlank = Math.max(widestBlank, at - start);
        at += 1;
        continue;
      }
      if (code === TAB) throw UNSURE;
      const indent = Number.isNaN(code) ? -1 : at - start;
      // Blank lines wider than the content, or holding spaces with no content: left to js-yaml.
      if (widestBlank > (indent > parent ? indent : 0)) throw UNSURE;
      return indent;
    }
  }

  /**
   * The lines of a block scalar from `first` at `indent`, joined as literal or folded text,
   * the number of blank lines after the last content line and where the scalar ends.
   */
  private blockLines(
    first: number,
    indent: number,
    folded: boolean,
  ): { text: string; lines: number; trailing: number; next: number } {
    const { text } = this;
    let out = '';
    let lines = 0;
    let blank = 0;
    let spaced = false;
    let at = first;
    for (;;) {
      if (at >= text.length) return { text: out, lines, trailing: blank, next: at };
      const start = at;
      while (text.charCodeAt(at) === SPACE && at - start < indent) at += 1;
      if (at - start < indent) {
        const code = text.charCodeAt(at);
        if (code !== LF) {
          return { text: out, lines, trailing: blank, next: Number.isNaN(code) ? at : start };
        }
        blank += 1;
        at += 1;
        continue;
      }
      const eol = text.indexOf('\n', at);
      const end = eol === -1 ? text.length : eol;
      if (end === at) {
        blank += 1;
      } else {
        const line = text.slice(at, end);
        const lineSpaced = line.charCodeAt(0) === SPACE || line.charCodeAt(0) === TAB;
        if (lines === 0) out = '\n'.repeat(blank) + line;
        else if (!folded || spaced || lineSpaced) out += '\n'.repeat(blank + 1) + line;
        else out += blank === 0 ? ' ' + line : '\n'.repeat(blank) + line;
        spaced = lineSpaced;
        lines += 1;
        blank = 0;
      }
      if (eol === -1) return { text: out, lines, trailing: blank, next: text.length };
      at = eol + 1;
    }
  }

  /** A flow collection in block context: nothing but a comment may follow it on its line. */
  private flowInBlock(parent: number): unknown {
    const value = this.flowCollection(parent);
    this.endLine();
    return value;
  }

  private flowCollection(parent: number): unknown {
    if (++this.depth > MAX_DEPTH) throw UNSURE;
    const value =
      this.text.charCodeAt(this.pos) === OPEN_BRACKET
        ? this.flowSequence(parent)
        : this.flowMapping(parent);
    this.depth -= 1;
    return value;
  }

  private flowSequence(parent: number): unknown[] {
    const list: unknown[] = [];
    const header = this.open(TAPE_SEQUENCE);
    this.pos += 1;
    for (;;) {
      this.flowSpace(parent);
      if (this.text.charCodeAt(this.pos) === CLOSE_BRACKET) break;
      this.write(this.pos);
      list.push(this.flowNode(parent));
      this.flowSpace(parent);
      const code = this.text.charCodeAt(this.pos);
      if (code === CLOSE_BRACKET) break;
      if (code !== COMMA) throw UNSURE;
      this.pos += 1;
    }
    this.pos += 1;
    this.close(header);
    return list;
  }

  private flowMapping(parent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const header = this.open(TAPE_FLOW_MAP);
    this.pos += 1;
    for (;;) {
      this.flowSpace(parent);
      if (this.text.charCodeAt(this.pos) === CLOSE_BRACE) break;
      this.write(this.pos);
      const key = this.flowKey();
      this.skipSpaces();
      const code = this.text.charCodeAt(this.pos);
      // A value on a later line than its `:` would confuse the recorded positions.
      if (code === LF || code === HASH || Number.isNaN(code)) throw UNSURE;
      const empty = code === COMMA || code === CLOSE_BRACE;
      if (empty) this.scalar();
      this.assign(map, key, empty ? null : this.flowNode(parent));
      this.flowSpace(parent);
      const after = this.text.charCodeAt(this.pos);
      if (after === CLOSE_BRACE) break;
      if (after !== COMMA) throw UNSURE;
      this.pos += 1;
    }
    this.pos += 1;
    this.close(header);
    return map;
  }

  /** Reads a flow mapping key and its `:`, which a plain key must be separated from. */
  private flowKey(): string {
    const start = this.pos;
    const code = this.text.charCodeAt(this.pos);
    let key: string;
    if (code === QUOTE || code === APOSTROPHE) {
      key = this.quoted(-1, false);
      this.skipSpaces();
      if (this.text.charCodeAt(this.pos) !== COLON) throw UNSURE;
    } else {
      if (!isPlainStart(code, this.text.charCodeAt(start + 1), true)) throw UNSURE;
      const end = this.flowPlainEnd(start);
      if (this.text.charCodeAt(this.pos) !== COLON || this.text.charCodeAt(this.pos + 1) !== SPACE)
        throw UNSURE;
      key = plainKeyName(this.text.slice(start, end));
    }
    if (this.pos - start > MAX_KEY_LENGTH) throw UNSURE;
    this.pos += 1;
    return key;
  }

  private flowNode(parent: number): unknown {
    const code = this.text.charCodeAt(this.pos);
    if (code === OPEN_BRACKET || code === OPEN_BRACE) return this.flowCollection(parent);
    if (code === QUOTE || code === APOSTROPHE) {
      const value = this.quoted(parent, false);
      this.scalar();
      return value;
    }
    const start = this.pos;
    if (!isPlainStart(code, this.text.charCodeAt(start + 1), true)) throw UNSURE;
    const end = this.flowPlainEnd(start);
    // A scalar ending its line is fine when the next token shows it did not go on.
    if (this.text.charCodeAt(this.pos) === LF) this.flowSpace(parent);
    const stop = this.text.charCodeAt(this.pos);
    if (stop !== COMMA && stop !== CLOSE_BRACKET && stop !== CLOSE_BRACE && stop !== HASH) {
      throw UNSURE;
    }
    this.scalar();
    return resolvePlainScalar(this.text.slice(start, end));
  }

  /** Scans one line of a plain scalar in flow context; `pos` is left at what stopped it. */
  private flowPlainEnd(from: number): number {
    const { text } = this;
    let at = from;
    let end = from;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === SPACE) {
        at += 1;
        continue;
      }
      if (code === TAB) throw UNSURE;
      if (code === LF || Number.isNaN(code) || isFlowIndicator(code)) break;
      if (code === HASH && text.charCodeAt(at - 1) === SPACE) break;
      if (code === COLON) {
        // Inside flow collections a `:` ends the scalar only before a blank or an indicator.
        const next = text.charCodeAt(at + 1);
        if (next === TAB) throw UNSURE;
        if (isBlank(next) || isFlowIndicator(next)) break;
      }
      at += 1;
      end = at;
    }
    this.pos = at;
    return end;
  }

  /** Spaces, line breaks and comments between flow tokens; lines must be indented past `parent`. */
  private flowSpace(parent: number): void {
    const { text } = this;
    let at = this.pos;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === SPACE) {
        at += 1;
      } else if (code === LF) {
        const start = at + 1;
        at = start;
        while (text.charCodeAt(at) === SPACE) at += 1;
        const next = text.charCodeAt(at);
        if (next !== LF && next !== HASH && at - start <= parent) throw UNSURE;
        if (at === start && isDocumentMarker(text, at)) throw UNSURE;
        this.lineStart = start;
      } else if (code === HASH) {
        const before = text.charCodeAt(at - 1);
        if (before !== SPACE && before !== LF) throw UNSURE;
        const eol = text.indexOf('\n', at);
        at = eol === -1 ? text.length : eol;
      } else if (code === TAB) {
        throw UNSURE;
      } else {
        break;
      }
    }
    this.pos = at;
  }
}

function hasUnusualCharacters(text: string): boolean {
  return NOT_ASCII.test(text) && UNUSUAL.test(text) && UNUSUAL_BESIDES_ASTRAL.test(text);
}

/**
 * Reads one YAML document (a {@link DocumentChunk}'s text) when it stays within the subset this
 * reader handles; `undefined` means "not sure": parse it with js-yaml. A returned value is
 * exactly what js-yaml with the Kubernetes schema would return. Empty documents are left to
 * js-yaml as well.
 */
export function readFastYaml(text: string): FastDocument | undefined {
  if (hasUnusualCharacters(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}

/** The property name of the mapping key at `offset` of a text {@link readFastYaml} accepted. */
export function keyNameAt(text: string, offset: number, flow: boolean): string {
  return new Reader(text, offset).keyName(flow);
}
