import type { ScanReport } from '../scan-report.js';
import { orderKeys, REPORT_KEY_ORDER } from './key-order.js';
import type { FormatContext } from './types.js';

/** Top-level arrays that grow with the input: written item by item. */
const LARGE_ARRAYS: ReadonlySet<string> = new Set(['resources', 'findings']);

/** Text handed out per chunk: small enough to stay cheap to encode, large enough to be few. */
const CHUNK_CHARS = 1 << 20;

/** `JSON.stringify(value, null, 2)` as it reads when nested `indent` spaces deep. */
function indented(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  // JSON strings never contain a raw newline, so every newline starts a structural line.
  return text.includes('\n') ? text.replaceAll('\n', `\n${indent}`) : text;
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
    if (Array.isArray(value) && value.length > 0 && LARGE_ARRAYS.has(key)) {
      out += '[\n';
      const items: readonly unknown[] = value;
      for (let item = 0; item < items.length; item += 1) {
        out += `    ${indented(items[item] ?? null, '    ')}${item === items.length - 1 ? '\n' : ',\n'}`;
        if (out.length >= CHUNK_CHARS) {
          yield out;
          out = '';
        }
      }
      out += `  ]${separator}`;
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
