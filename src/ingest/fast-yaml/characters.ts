/*
 * Character codes, classification tables and small pure helpers shared by the fast YAML reader.
 * Tables are built once at module load so that the hot loops only index into them.
 */

export const TAB = 0x09;
export const LF = 0x0a;
export const SPACE = 0x20;
export const QUOTE = 0x22;
export const HASH = 0x23;
export const PERCENT = 0x25;
export const APOSTROPHE = 0x27;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const DASH = 0x2d;
export const COLON = 0x3a;
const DOT = 0x2e;
const QUESTION = 0x3f;
export const GREATER = 0x3e;
export const OPEN_BRACKET = 0x5b;
export const BACKSLASH = 0x5c;
export const CLOSE_BRACKET = 0x5d;
export const OPEN_BRACE = 0x7b;
export const PIPE = 0x7c;
export const CLOSE_BRACE = 0x7d;

/** Raised to abandon the fast path; never leaves the reader (`readFastYaml` catches it). */
export const UNSURE = new Error('fast-yaml: left to js-yaml');

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
export const ESCAPES = new Map<number, string>(
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
export const HEX_ESCAPE_LENGTH = new Map([
  [0x78, 2],
  [0x75, 4],
  [0x55, 8],
]);

/** Whether `code` ends a token: a space, a line break or the end of the text (NaN). */
export function isBlank(code: number): boolean {
  return code === SPACE || code === LF || Number.isNaN(code);
}

/** Whether `code` is one of the flow indicators `,[]{}`. */
export function isFlowIndicator(code: number): boolean {
  return (
    code === COMMA ||
    code === OPEN_BRACKET ||
    code === CLOSE_BRACKET ||
    code === OPEN_BRACE ||
    code === CLOSE_BRACE
  );
}

/** Whether a plain scalar may start with `code` followed by `next` (in flow context if `flow`). */
export function isPlainStart(code: number, next: number, flow: boolean): boolean {
  if (code <= SPACE || Number.isNaN(code)) return false;
  if (code >= 128 || INDICATOR[code] === 0) return true;
  if (code !== DASH && code !== QUESTION && code !== COLON) return false;
  return !isBlank(next) && next !== TAB && !(flow && isFlowIndicator(next));
}

/**
 * Whether the line starting at `at` starts with `---` or `...`. js-yaml takes those for document
 * markers even when more text follows them, so the reader leaves all such lines alone.
 */
export function isDocumentMarker(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (
    (code === DASH || code === DOT) &&
    text.charCodeAt(at + 1) === code &&
    text.charCodeAt(at + 2) === code
  );
}

/** Whether `text` holds characters the reader leaves to js-yaml (see `UNUSUAL`). */
export function hasUnusualCharacters(text: string): boolean {
  return NOT_ASCII.test(text) && UNUSUAL.test(text) && UNUSUAL_BESIDES_ASTRAL.test(text);
}

/** Slots of the reader's caches of recently read keys and values. */
export const SPELLING_SLOTS = 4096;

/** The cache slot of a spelling, by its first character, length and last character. */
export function spellingSlot(first: number, length: number, last: number): number {
  return (first * 961 + length * 31 + last) & (SPELLING_SLOTS - 1);
}
