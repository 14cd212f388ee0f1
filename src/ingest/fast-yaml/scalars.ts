import { resolvePlainScalar } from '../yaml-schema.js';
import {
  APOSTROPHE,
  BACKSLASH,
  COLON,
  DASH,
  ESCAPES,
  GREATER,
  HASH,
  HEX_ESCAPE_LENGTH,
  isBlank,
  isDocumentMarker,
  isFlowIndicator,
  LF,
  PLUS,
  QUOTE,
  SPACE,
  SPELLING_SLOTS,
  spellingSlot,
  TAB,
  UNSURE,
} from './characters.js';
import { Cursor } from './cursor.js';

/*
 * Recently read one-line plain scalars, by first character, length and last character. Manifests
 * repeat most of their values (`TCP`, `v1`, `IfNotPresent`, label values, ports): a value spelled
 * exactly like a remembered one is taken without slicing and resolving it again. Resolution
 * depends on the text alone, so the remembered value is the one reading it again would give; the
 * scan then also keeps one string where it kept one per occurrence. A remembered value of 13 or
 * more characters is a view into the text it was read from and keeps that text alive until its
 * slot is reused, as the key cache's entries do (measured: no retained heap after a corpus parse).
 */
const valueTexts: (string | undefined)[] = new Array<string | undefined>(SPELLING_SLOTS).fill(
  undefined,
);
const values: unknown[] = new Array<unknown>(SPELLING_SLOTS).fill(undefined);
const MAX_CACHED_VALUE = 64;

/** The value of the one-line plain scalar spelled `text[start, end)`. */
export function plainValue(text: string, start: number, end: number): unknown {
  const length = end - start;
  if (length > MAX_CACHED_VALUE || length <= 0) return resolvePlainScalar(text.slice(start, end));
  const slot = spellingSlot(text.charCodeAt(start), length, text.charCodeAt(end - 1));
  const known = valueTexts[slot];
  if (known?.length === length && text.startsWith(known, start)) return values[slot];
  const raw = text.slice(start, end);
  const value = resolvePlainScalar(raw);
  valueTexts[slot] = raw;
  values[slot] = value;
  return value;
}

/**
 * Scalar reading: plain scalars in block and flow context, single- and double-quoted scalars
 * with their escapes and line folding, and `|`/`>` block scalars. The structure reader extends it.
 */
export abstract class ScalarReader extends Cursor {
  /**
   * Scans one line of a plain scalar from `from`; stops at a `:` that ends a key, a comment or
   * the line's end, leaving `pos` there. Returns where the scalar's text ends (no trailing spaces).
   */
  protected plainLineEnd(from: number): number {
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
  protected plainScalar(parent: number, start: number, end: number): unknown {
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
    return folded === undefined ? plainValue(text, start, end) : resolvePlainScalar(folded);
  }

  protected quoted(parent: number, multiLine: boolean): string {
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
  protected blockScalar(parent: number): string {
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

  /** Scans one line of a plain scalar in flow context; `pos` is left at what stopped it. */
  protected flowPlainEnd(from: number): number {
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
}
