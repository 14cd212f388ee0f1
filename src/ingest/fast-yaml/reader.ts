import { resolvePlainScalar } from '../yaml-schema.js';
import {
  APOSTROPHE,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  SPELLING_SLOTS,
  spellingSlot,
  DASH,
  GREATER,
  HASH,
  isBlank,
  isDocumentMarker,
  isPlainStart,
  LF,
  OPEN_BRACE,
  OPEN_BRACKET,
  PERCENT,
  PIPE,
  QUOTE,
  SPACE,
  TAB,
  UNSURE,
} from './characters.js';
import { type FastDocument, TAPE_BLOCK_MAP, TAPE_FLOW_MAP, TAPE_SEQUENCE } from './cursor.js';
import { plainValue, ScalarReader } from './scalars.js';

/** Collections nested deeper than this are left to js-yaml, which enforces the real limits. */
const MAX_DEPTH = 256;
const MAX_KEY_LENGTH = 1024;

/** Property name for a plain key, as js-yaml turns a resolved key into one. */
function plainKeyName(raw: string): string {
  if (raw === '<<') throw UNSURE;
  const value = resolvePlainScalar(raw);
  return typeof value === 'string' ? value : String(value);
}

/*
 * Recently seen plain block keys, by first character, length and last character: a key that is
 * found here is taken without scanning, slicing or resolving it again. Only a key spelled exactly
 * like the remembered one (and followed by `: ` or `:` and a line break) matches, and such a key
 * scans exactly like the remembered one did.
 */
const keyTexts: (string | undefined)[] = new Array<string | undefined>(SPELLING_SLOTS).fill(
  undefined,
);
const keyNames: string[] = new Array<string>(SPELLING_SLOTS).fill('');
const MAX_CACHED_KEY = 64;

/** Slot of the remembered plain block key spelled at `start`, or -1. */
function rememberedSlot(text: string, start: number): number {
  const colon = text.indexOf(':', start);
  const length = colon - start;
  if (length <= 0 || length > MAX_CACHED_KEY) return -1;
  const slot = spellingSlot(text.charCodeAt(start), length, text.charCodeAt(colon - 1));
  const known = keyTexts[slot];
  if (known?.length !== length || !isBlank(text.charCodeAt(colon + 1))) return -1;
  return text.startsWith(known, start) ? slot : -1;
}

/**
 * The property name of the plain block key spelled at `start` when it is a remembered one
 * (exactly what reading it again would return), or undefined.
 */
export function rememberedKeyName(text: string, start: number): string | undefined {
  const slot = rememberedSlot(text, start);
  return slot === -1 ? undefined : keyNames[slot];
}

/** Block and flow structure: the document prolog, mappings, sequences and flow collections. */
export class Reader extends ScalarReader {
  private depth = 0;

  document(): FastDocument {
    this.prolog();
    if (this.indent < 0) return { value: null, root: this.pos, tape: new Int32Array(0) };
    const root = this.pos;
    const code = this.text.charCodeAt(root);
    if (code === PIPE || code === GREATER) throw UNSURE;
    // js-yaml wants the lines of a top-level scalar indented as far as its first line.
    const value = this.blockNode(this.indent - 1);
    if (this.indent >= 0) throw UNSURE;
    const tape = this.keepTape();
    return { value, root, tape };
  }

  /** A key's property name, read again at `pos` (for lazily built positions). */
  keyName(flow: boolean): string {
    return flow ? this.flowKey() : this.blockKey();
  }

  private assign(map: Record<string, unknown>, key: string, value: unknown): void {
    if (key === '__proto__' || Object.hasOwn(map, key)) throw UNSURE;
    map[key] = value;
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
      const known = this.knownKey(start);
      if (known !== undefined) return known;
      if (!isPlainStart(code, this.text.charCodeAt(start + 1), false)) throw UNSURE;
      const end = this.plainLineEnd(start);
      if (this.text.charCodeAt(this.pos) !== COLON) throw UNSURE;
      const raw = this.text.slice(start, end);
      key = plainKeyName(raw);
      if (raw.length <= MAX_CACHED_KEY) {
        const slot = spellingSlot(code, raw.length, raw.charCodeAt(raw.length - 1));
        keyTexts[slot] = raw;
        keyNames[slot] = key;
      }
    }
    if (this.pos - start > MAX_KEY_LENGTH) throw UNSURE;
    this.pos += 1;
    return key;
  }

  /** The name of a remembered plain key spelled at `start`, moving past its `:`. */
  private knownKey(start: number): string | undefined {
    const slot = rememberedSlot(this.text, start);
    if (slot === -1) return undefined;
    this.pos = start + (keyTexts[slot]?.length ?? 0) + 1;
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
    return plainValue(this.text, start, end);
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
