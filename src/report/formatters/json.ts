import type { ScanReport } from '../scan-report.js';
import { orderKeys, REPORT_KEY_ORDER } from './key-order.js';
import type { FormatContext } from './types.js';

/** Top-level arrays that grow with the input: written item by item. */
const LARGE_ARRAYS: ReadonlySet<string> = new Set(['resources', 'findings']);

/** Array items stringified per call: few calls, each result small enough to stay cheap. */
const BATCH_ITEMS = 1000;

/** `JSON.stringify(value, null, 2)` as it reads when nested `indent` spaces deep. */
function indented(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // JSON strings never contain a raw newline, so every newline starts a structural line.
  return text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
}

/**
 * Items `from`…`to` of a top-level array, indented as in the whole report. Stringifying them as
 * the array of a one-key object makes JSON.stringify indent them at the right depth itself.
 */
function arraySlice(key: string, items: readonly unknown[], from: number, to: number): string {
  const text = JSON.stringify({ [key]: items.slice(from, to) }, null, 2);
  const prefix = `{\n  ${JSON.stringify(key)}: [\n`.length;
  return text.slice(prefix, text.length - '\n  ]\n}'.length);
}

/**
 * The ScanReport as JSON in chunks, byte for byte what {@link json} returns. A report of tens of
 * thousands of findings is tens of megabytes: writing it in pieces avoids holding the whole text
 * (and its UTF-8 copy) in memory at once, which dominated peak memory on large scans.
 */
export function* jsonChunks(report: ScanReport): Generator<string> {
  const ordered = orderKeys(report, REPORT_KEY_ORDER) as Readonly<Record<string, unknown>>;
  const keys = Object.keys(ordered).filter((key) => ordered[key] !== undefined);
  let out = '{\n';
  for (const [index, key] of keys.entries()) {
    const value = ordered[key];
    const separator = index === keys.length - 1 ? '\n' : ',\n';
    out += `  ${JSON.stringify(key)}: `;
    if (Array.isArray(value) && value.length > BATCH_ITEMS && LARGE_ARRAYS.has(key)) {
      const items: readonly unknown[] = value;
      yield `${out}[\n`;
      for (let from = 0; from < items.length; from += BATCH_ITEMS) {
        const to = Math.min(from + BATCH_ITEMS, items.length);
        // Two chunks, not one concatenation: appending to the slice would make a cons string,
        // which writing then copies into a fresh flat string, some 700 KB per batch.
        yield arraySlice(key, items, from, to);
        yield to === items.length ? '\n' : ',\n';
      }
      out = `  ]${separator}`;
    } else {
      out += `${indented(value, '  ')}${separator}`;
    }
  }
  yield `${out}}\n`;
}

/**
 * The ScanReport as JSON (docs/report-schema.json), two-space indented, keys in the documented
 * order whatever order the report object was built in, so diffs between scans stay readable.
 */
export function json(report: ScanReport, _ctx: FormatContext): string {
  return [...jsonChunks(report)].join('');
}
