import { HASH, isDocumentMarker, LF, SPACE, TAB, UNSURE } from './characters.js';

/*
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

/** Well below js-yaml's node budget (YAML_LIMITS.maxNodes counts its listener's nodes). */
const MAX_NODES = 250_000;

/*
 * Tapes are written into a shared arena and handed out as views of it, so that a document costs
 * no buffer of its own. A reader that gives up leaves its space to the next one.
 */
const ARENA_SIZE = 1 << 18;
let arena = new Int32Array(ARENA_SIZE);
let arenaUsed = 0;

/**
 * The state shared by the scalar and structure readers: where the reader is in the text, the
 * line it is on, and the tape it writes.
 */
export abstract class Cursor {
  protected readonly text: string;
  protected pos = 0;
  /** Offset where the line holding `pos` starts. */
  protected lineStart = 0;
  /** Indentation of the line `pos` is on, when `pos` is its first content; -1 at the end. */
  protected indent = -1;
  private nodes = 0;
  /** Where this reader's tape starts in the arena, and how much of it is written. */
  private base = arenaUsed;
  private used = 0;

  constructor(text: string, pos = 0) {
    this.text = text;
    this.pos = pos;
  }

  protected write(value: number): void {
    if (this.base + this.used === arena.length) {
      // Move this document's tape to the start of a new arena (twice its size when it is big).
      const grown = new Int32Array(Math.max(ARENA_SIZE, this.used * 2));
      grown.set(arena.subarray(this.base, this.base + this.used));
      arena = grown;
      this.base = 0;
    }
    arena[this.base + this.used++] = value;
  }

  protected scalar(): void {
    if (++this.nodes > MAX_NODES) throw UNSURE;
    this.write(TAPE_SCALAR);
  }

  protected open(kind: number): number {
    if (++this.nodes > MAX_NODES) throw UNSURE;
    const at = this.used;
    this.write(kind);
    this.write(0);
    return at;
  }

  protected close(at: number): void {
    arena[this.base + at + 1] = this.used;
  }

  protected atEnd(): void {
    this.pos = this.text.length;
    this.lineStart = this.pos;
    this.indent = -1;
  }

  /** Moves to the first content of the first line from `from` (a line start) that has any. */
  protected toContent(from: number): void {
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
  protected endLine(): void {
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

  protected skipSpaces(): void {
    while (this.text.charCodeAt(this.pos) === SPACE) this.pos += 1;
  }

  /** The tape written so far, handed out as a view whose arena space is kept from now on. */
  protected keepTape(): Int32Array {
    const tape = arena.subarray(this.base, this.base + this.used);
    arenaUsed = this.base + this.used;
    return tape;
  }
}
