/**
 * Text from a report (names, messages, evidence, file names) comes from the scanned manifests,
 * which an attacker may write. Before it reaches a terminal, every character that would act on
 * the terminal instead of being shown (escape sequences, carriage returns, bidirectional
 * overrides that reorder what is displayed) is rendered visibly, e.g. `\x1b`.
 */

/** One displayed unit: a character or the visible escape that replaced it. */
interface Unit {
  readonly text: string;
  /** Terminal columns it takes. */
  readonly width: number;
}

const NAMED_ESCAPES: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

/** Invisible or reordering format characters (Trojan Source, CVE-2021-42574) and separators. */
const INVISIBLE = new Set([
  0x061c, 0x200b, 0x200e, 0x200f, 0x2028, 0x2029, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060,
  0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);

const ZERO_WIDTH: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200d, 0x200d],
  [0x20d0, 0x20ff],
  [0xfe00, 0xfe0f],
  [0xfe20, 0xfe2f],
  [0xe0100, 0xe01ef],
];

/** East Asian wide and emoji blocks: two columns each (an approximation of wcwidth). */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x26a1, 0x26a1],
  [0x26bd, 0x26be],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2757],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1faff],
  [0x20000, 0x3fffd],
];

function inRanges(cp: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => cp >= low && cp <= high);
}

function hex(cp: number, digits: number): string {
  return cp.toString(16).padStart(digits, '0');
}

/** The visible replacement of a character that must not reach the terminal raw, if any. */
function escapeOf(cp: number): string | undefined {
  const named = NAMED_ESCAPES[cp];
  if (named !== undefined) return named;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return `\\x${hex(cp, 2)}`;
  if (INVISIBLE.has(cp) || (cp >= 0xd800 && cp <= 0xdfff)) return `\\u${hex(cp, 4)}`;
  return undefined;
}

/** The units of `text`, stopping once they exceed `maxWidth` columns (a value may be megabytes). */
function unitsOf(text: string, maxWidth = Number.POSITIVE_INFINITY): Unit[] {
  const units: Unit[] = [];
  let width = 0;
  // for..of walks code points; a lone surrogate comes out on its own and is escaped.
  for (const char of text) {
    if (width > maxWidth) break;
    const cp = char.codePointAt(0) ?? 0;
    const unit = unitOf(char, cp);
    units.push(unit);
    width += unit.width;
  }
  return units;
}

function unitOf(char: string, cp: number): Unit {
  if (cp >= 0x20 && cp < 0x7f) return { text: char, width: 1 };
  const escaped = escapeOf(cp);
  if (escaped !== undefined) return { text: escaped, width: escaped.length };
  if (inRanges(cp, ZERO_WIDTH)) return { text: char, width: 0 };
  return { text: char, width: inRanges(cp, WIDE) ? 2 : 1 };
}

function joinUnits(units: readonly Unit[]): string {
  return units.map((unit) => unit.text).join('');
}

/** `text` with every terminal-active character rendered visibly. */
export function safeText(text: string): string {
  return joinUnits(unitsOf(text));
}

/** Columns `text` takes once made safe. */
export function displayWidth(text: string): number {
  return unitsOf(text).reduce((sum, unit) => sum + unit.width, 0);
}

/** Number of characters (code points) in `text`, as users count them. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _char of text) count++;
  return count;
}

/** Cuts units into lines of at most `width` columns, never splitting an escape. */
function hardWrap(units: readonly Unit[], width: number): Unit[][] {
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let used = 0;
  for (const unit of units) {
    if (used + unit.width > width && line.length > 0) {
      lines.push(line);
      line = [];
      used = 0;
    }
    line.push(unit);
    used += unit.width;
  }
  if (line.length > 0 || lines.length === 0) lines.push(line);
  return lines;
}

/** Drops units from the end until `suffixWidth` more columns fit in `width`. */
function fitWithSuffix(line: readonly Unit[], width: number, suffixWidth: number): Unit[] {
  const kept: Unit[] = [];
  let used = 0;
  for (const unit of line) {
    if (used + unit.width + suffixWidth > width) break;
    kept.push(unit);
    used += unit.width;
  }
  return kept;
}

/**
 * A value made safe and cut into lines of `width` columns, at most `maxLines` of them. When it
 * does not fit, the last line ends with an ellipsis and `truncated` is true.
 */
export function wrapValue(
  text: string,
  width: number,
  maxLines: number,
): { readonly lines: string[]; readonly truncated: boolean } {
  const lines = hardWrap(
    unitsOf(text, Math.max(1, width) * Math.max(1, maxLines)),
    Math.max(1, width),
  );
  if (lines.length <= maxLines) return { lines: lines.map(joinUnits), truncated: false };
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.pop() ?? [];
  kept.push([...fitWithSuffix(last, width, 1), { text: '…', width: 1 }]);
  return { lines: kept.map(joinUnits), truncated: true };
}

/** `text` made safe and cut to one line of `width` columns, ending in an ellipsis if cut. */
export function truncateLine(text: string, width: number): string {
  return wrapValue(text, width, 1).lines[0] ?? '';
}

/** Prose made safe and wrapped at spaces into lines of at most `width` columns. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(' ').filter((part) => part !== '')) {
    const units = unitsOf(word);
    const wordWidth = units.reduce((sum, unit) => sum + unit.width, 0);
    if (used > 0 && used + 1 + wordWidth <= width) {
      line += ` ${joinUnits(units)}`;
      used += 1 + wordWidth;
      continue;
    }
    if (used > 0) lines.push(line);
    // A word wider than a line is cut hard; its last piece starts the next line.
    const pieces = hardWrap(units, Math.max(1, width));
    const tail = pieces.pop() ?? [];
    for (const piece of pieces) lines.push(joinUnits(piece));
    line = joinUnits(tail);
    used = tail.reduce((sum, unit) => sum + unit.width, 0);
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
