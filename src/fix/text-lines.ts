/** A replacement of `text[start, end)` by `insert`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly insert: string;
}

/** Applies non-overlapping edits; edits are applied from the end so offsets stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > limit || edit.start > edit.end) throw new RangeError('overlapping text edits');
    out = out.slice(0, edit.start) + edit.insert + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the line break of the line holding `offset`, or the text's end. */
export function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at === -1 ? text.length : at + 1;
}

/** Whether only spaces or tabs stand between the start of its line and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}

/** The offset just after the last non-whitespace character before `end` (and at or after `floor`). */
export function trimEnd(text: string, end: number, floor: number): number {
  let at = end;
  while (at > floor && /\s/.test(text.charAt(at - 1))) at -= 1;
  return at;
}

/** The whitespace that starts the line holding `offset`. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, lineEnd(text, start)))?.[0] ?? '';
}

/** The first line break style of `text`, `\n` when it has none. */
export function dominantEol(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text.charAt(at - 1) === '\r' ? '\r\n' : '\n';
}

/** The line break that ends the line holding `offset`, or `fallback` on a last line without one. */
export function eolAt(text: string, offset: number, fallback: string): string {
  const at = text.indexOf('\n', offset);
  if (at === -1) return fallback;
  return at > 0 && text.charAt(at - 1) === '\r' ? '\r\n' : '\n';
}

/**
 * An edit that adds `line` (no line break) as a new line after the line holding `offset`,
 * keeping that line's break style and the text's final-newline state.
 */
export function insertLineAfter(
  text: string,
  offset: number,
  line: string,
  fallbackEol: string,
): TextEdit {
  const eol = eolAt(text, offset, fallbackEol);
  const end = lineEnd(text, offset);
  const terminated = end > 0 && text.charAt(end - 1) === '\n';
  return terminated
    ? { start: end, end, insert: `${line}${eol}` }
    : { start: end, end, insert: `${eol}${line}` };
}
