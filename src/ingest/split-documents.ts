/** One YAML document's slice of a file. */
export interface DocumentChunk {
  /** 0-based position of the document in the file. */
  readonly index: number;
  /** The document's text, including its `---` marker and directives when it has them. */
  readonly text: string;
  /** 0-based line of `text`'s first line in the file. */
  readonly startLine: number;
}

const DASH = 0x2d;
const DOT = 0x2e;
const PERCENT = 0x25;
const HASH = 0x23;

/** `---` or `...` at column 0, followed by nothing, whitespace or a line break. */
function isMarker(text: string, at: number, code: number): boolean {
  if (text.charCodeAt(at) !== code) return false;
  if (text.charCodeAt(at + 1) !== code || text.charCodeAt(at + 2) !== code) return false;
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** Whether `text[start, end)` holds anything but blank lines, comments and directives. */
function hasContent(text: string, start: number, end: number): boolean {
  let at = start;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) {
      at += 1;
    } else if (
      code === HASH ||
      (code === PERCENT && (at === 0 || text.charCodeAt(at - 1) === 0x0a))
    ) {
      const eol = text.indexOf('\n', at);
      at = eol === -1 ? end : eol + 1;
    } else {
      return true;
    }
  }
  return false;
}

interface OpenChunk {
  start: number;
  line: number;
  /** Started by `---`: counts as a document even when empty. */
  explicit: boolean;
}

/**
 * Splits a YAML stream into documents so that each can be parsed (and fail) on its own.
 * Boundaries are `---` lines (content may follow the marker on the same line), `...` end
 * markers, and `%` directives, which belong to the `---` that follows them. Text before the
 * first marker that holds only comments is not a document, as in YAML itself.
 */
export function splitDocuments(text: string): DocumentChunk[] {
  const chunks: DocumentChunk[] = [];
  let open: OpenChunk = { start: 0, line: 0, explicit: false };
  let directives: { start: number; line: number } | undefined;

  const close = (end: number): void => {
    if (open.explicit || hasContent(text, open.start, end)) {
      chunks.push({
        index: chunks.length,
        text: text.slice(open.start, end),
        startLine: open.line,
      });
    }
  };

  let lineStart = 0;
  let line = 0;
  while (lineStart < text.length) {
    const eol = text.indexOf('\n', lineStart);
    const next = eol === -1 ? text.length : eol + 1;
    const first = text.charCodeAt(lineStart);
    if (first === DASH && isMarker(text, lineStart, DASH)) {
      const from = directives ?? { start: lineStart, line };
      if (open.explicit || hasContent(text, open.start, from.start)) {
        close(from.start);
        open = { start: from.start, line: from.line, explicit: true };
      } else {
        open.explicit = true;
      }
      directives = undefined;
    } else if (first === DOT && isMarker(text, lineStart, DOT)) {
      close(lineStart);
      open = { start: next, line: line + 1, explicit: false };
      directives = undefined;
    } else if (first === PERCENT) {
      directives ??= { start: lineStart, line };
    } else if (directives !== undefined && first !== HASH && hasContent(text, lineStart, next)) {
      directives = undefined;
    }
    lineStart = next;
    line += 1;
  }
  close(text.length);
  return chunks;
}
