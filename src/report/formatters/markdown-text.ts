import { safeText } from './terminal-text.js';

/**
 * Markdown text from untrusted values (names, messages, evidence, file names). Every character
 * that Markdown or HTML give a meaning to becomes a numeric character reference, which GitHub
 * shows literally: a value cannot open a tag, a link, a code span, emphasis, break a table
 * (`|`), or mention someone (`@`). Control and bidirectional characters are shown visibly
 * (`\x1b`, `\u202e`) and line breaks as `\n`, so one value stays one line of one cell. `:` is
 * escaped too so a URL in a value is not turned into a link.
 */
const SPECIAL = /[&<>"'`|\\*_[\]~#@:]/g;

/** Longest value shown in a table cell, in characters; longer ones end in `…`. */
export const CELL_LIMIT = 300;

/** `text` truncated to `limit` characters (code points), with `…` when cut. */
function truncate(text: string, limit: number): string {
  const chars = Array.from(text);
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** Safe inline Markdown for an untrusted value, at most `limit` characters before escaping. */
export function mdText(text: string, limit = CELL_LIMIT): string {
  return truncate(safeText(text), limit).replace(SPECIAL, (char) => `&#${char.charCodeAt(0)};`);
}
