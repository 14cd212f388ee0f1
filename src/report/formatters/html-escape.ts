/**
 * Escaping for the HTML report. Every name, message, value and file name in a report comes from
 * scanned manifests, which an attacker may write, and the report is opened in a browser by
 * someone else (an auditor). Text is therefore entity-escaped so it can never become markup, and
 * characters that would change how text is displayed without being seen (bidirectional
 * overrides, zero-width characters, control characters) are shown visibly, as the terminal
 * report does.
 */
import { safeText } from './terminal-text.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Entity-escapes `&`, `<`, `>`, `"` and `'`. Quotes are escaped in text too, so one function is
 * safe in both element content and quoted attribute values.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Untrusted text for element content or an attribute: invisible characters shown, escaped. */
export function htmlText(text: string): string {
  return escapeHtml(safeText(text));
}

/**
 * Untrusted multi-line text (evidence) for a `white-space: pre-wrap` element: line breaks kept,
 * every other invisible or control character (including `\r`) shown visibly, escaped.
 */
export function htmlLines(text: string): string {
  return text
    .split('\n')
    .map((line) => htmlText(line))
    .join('\n');
}

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * `value` as JSON that is safe inside `<script type="application/json">`: `<`, `>` and `&` are
 * written as `\u003c`-style escapes, so no value can close the element (`</script>`) or open a
 * comment (`<!--`) that changes how the parser finds its end; U+2028/U+2029 are escaped for
 * consumers that treat the text as JavaScript. `JSON.parse` gives back the original value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => SCRIPT_ESCAPES[char] ?? char,
  );
}

/** Text cut to a number of characters; `length` is the original count when it was cut. */
export interface CutText {
  readonly text: string;
  readonly cut: boolean;
  readonly length: number;
}

/** Cuts `text` to at most `max` code points, never splitting a surrogate pair. */
export function cutText(text: string, max: number): CutText {
  // Code units bound code points from above: short text needs no walk (values may be megabytes).
  if (text.length <= max) return { text, cut: false, length: text.length };
  const points = Array.from(text);
  if (points.length <= max) return { text, cut: false, length: points.length };
  return { text: points.slice(0, Math.max(0, max)).join(''), cut: true, length: points.length };
}
