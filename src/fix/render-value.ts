import { isRecord } from '../model/resource.js';

/** The syntax a file is written in: YAML, or JSON (edited as JSON, so it stays JSON). */
export type Flavor = 'yaml' | 'json';

/** How the scalar being replaced was quoted, so a replacement string keeps its style. */
export type QuoteStyle = 'plain' | 'single' | 'double';

/*
 * Plain words that YAML 1.1 (what kubectl reads) resolves to something other than a string.
 * Anything starting with a digit, sign or dot is excluded by PLAIN_SAFE already.
 */
const YAML11_WORDS = new Set([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'],
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'],
  ...['null', 'Null', 'NULL'],
]);

/** Strings that are safe unquoted in both key and value position, in block and flow context. */
const PLAIN_SAFE = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** A number as YAML and JSON both read it back, or undefined (NaN, infinities, exponents). */
function renderNumber(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  return /^-?\d+(?:\.\d+)?$/.test(text) ? text : undefined;
}

function quoteSingle(value: string): string | undefined {
  // Single quotes cannot escape control characters or line breaks.
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** A string as a YAML scalar: plain when nothing could misread it, quoted otherwise. */
function renderYamlString(value: string, quote: QuoteStyle): string {
  if (quote === 'single') return quoteSingle(value) ?? JSON.stringify(value);
  if (quote === 'double') return JSON.stringify(value);
  return PLAIN_SAFE.test(value) && !YAML11_WORDS.has(value) ? value : JSON.stringify(value);
}

/**
 * Renders a scalar (boolean, number, string, null) for `flavor`, or undefined when the value is
 * not a scalar or has no faithful text form.
 */
export function renderScalar(
  value: unknown,
  flavor: Flavor,
  quote: QuoteStyle = 'plain',
): string | undefined {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return renderNumber(value);
  if (typeof value === 'string')
    return flavor === 'json' ? JSON.stringify(value) : renderYamlString(value, quote);
  return undefined;
}

/** A mapping key for `flavor`. */
export function renderKey(key: string, flavor: Flavor): string {
  return flavor === 'json' ? JSON.stringify(key) : renderYamlString(key, 'plain');
}

/** Any JSON-like value on one line in flow style (`{a: 1, b: [x]}`), or undefined. */
export function renderFlow(value: unknown, flavor: Flavor): string | undefined {
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => renderFlow(item, flavor));
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).map(([key, item]) => {
      const text = renderFlow(item, flavor);
      return text === undefined ? undefined : `${renderKey(key, flavor)}: ${text}`;
    });
    return entries.every((entry) => entry !== undefined) ? `{${entries.join(', ')}}` : undefined;
  }
  return renderScalar(value, flavor);
}

/** Indentation and line ending of the lines being written. */
export interface BlockLayout {
  /** Whitespace before the key. */
  readonly indent: string;
  /** One level of indentation, added per nesting level. */
  readonly unit: string;
  readonly eol: string;
}

/**
 * A `key: value` entry as YAML block lines (without a final line break). Non-empty mappings
 * nest as block mappings; sequences and empty collections are written in flow style.
 */
export function renderBlockEntry(
  key: string,
  value: unknown,
  layout: BlockLayout,
): string | undefined {
  const head = `${layout.indent}${renderKey(key, 'yaml')}:`;
  if (isRecord(value) && Object.keys(value).length > 0) {
    const inner = { ...layout, indent: layout.indent + layout.unit };
    const lines = Object.entries(value).map(([childKey, child]) =>
      renderBlockEntry(childKey, child, inner),
    );
    return lines.every((line) => line !== undefined)
      ? [head, ...lines].join(layout.eol)
      : undefined;
  }
  const text = renderFlow(value, 'yaml');
  return text === undefined ? undefined : `${head} ${text}`;
}

/**
 * A `"key": value` member of a multi-line JSON object, nested objects spread over lines the way
 * the file indents them.
 */
export function renderJsonMember(
  key: string,
  value: unknown,
  layout: BlockLayout,
): string | undefined {
  if (renderFlow(value, 'json') === undefined) return undefined;
  const body = JSON.stringify(value, null, layout.unit).replaceAll(
    '\n',
    layout.eol + layout.indent,
  );
  return `${layout.indent}${JSON.stringify(key)}: ${body}`;
}

/** Wraps `value` in mappings keyed by `keys`, outermost first: (['a','b'], 1) → {a: {b: 1}}. */
export function nestUnder(keys: readonly string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}
