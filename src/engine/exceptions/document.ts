import { picomatch } from '../../core/lazy-require.js';
import { CubecapeError } from '../../core/errors.js';
import type { JsonPath } from '../../core/json-path.js';
import { toDotted } from '../../core/json-path.js';
import type { ParsedDocument } from '../../ingest/yaml-stream.js';
import { isRecord } from '../../model/resource.js';
import type { StringMatcher } from './types.js';

/**
 * Reads fields of one parsed exception document, failing with `EXCEPTION_INVALID` at the
 * file and line of the offending node. Configuration errors stop the run (exit 2): an
 * exception file that is half understood must not silently accept more, or less, than meant.
 */
export class DocumentReader {
  readonly file: string;
  private readonly document: ParsedDocument;

  constructor(file: string, document: ParsedDocument) {
    this.file = file;
    this.document = document;
  }

  /** 1-based line of the node at `path` (or of its nearest existing parent). */
  lineOf(path: JsonPath): number {
    return (this.document.sourceMap.locate(path)?.position ?? this.document.position).line;
  }

  fail(path: JsonPath, message: string): never {
    const at = path.length === 0 ? '' : `${toDotted(path)}: `;
    const located = this.document.sourceMap.locate(path)?.position ?? this.document.position;
    throw new CubecapeError('EXCEPTION_INVALID', `${at}${message}`, {
      file: this.file,
      line: located.line,
      column: located.column,
    });
  }

  /** The object at `path`, rejecting keys outside `allowed`. */
  object(value: unknown, path: JsonPath, allowed: readonly string[]): Record<string, unknown> {
    if (!isRecord(value)) this.fail(path, `expected a mapping, got ${describe(value)}`);
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) {
        this.fail([...path, key], `unknown field "${key}"; expected one of: ${allowed.join(', ')}`);
      }
    }
    return value;
  }

  string(value: unknown, path: JsonPath): string {
    if (typeof value !== 'string') {
      this.fail(
        path,
        `expected a string, got ${describe(value)} (quote values such as "true" or "0755")`,
      );
    }
    if (value.trim() === '') this.fail(path, 'expected a non-empty string');
    return value;
  }

  optionalString(value: unknown, path: JsonPath): string | undefined {
    return value === undefined ? undefined : this.string(value, path);
  }

  /** A non-empty list of non-empty strings. */
  strings(value: unknown, path: JsonPath): string[] {
    if (!Array.isArray(value)) this.fail(path, `expected a list, got ${describe(value)}`);
    if (value.length === 0) {
      this.fail(path, 'expected at least one entry; leave the field out to mean "any"');
    }
    return value.map((item: unknown, index) => this.string(item, [...path, index]));
  }

  /** A mapping of strings to strings (labels). */
  stringMap(value: unknown, path: JsonPath): Record<string, string> {
    if (!isRecord(value)) this.fail(path, `expected a mapping, got ${describe(value)}`);
    const out: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'string') {
        this.fail([...path, key], `expected a string, got ${describe(item)} (quote label values)`);
      }
      out[key] = item;
    }
    return out;
  }
}

/** Names a value's type for "expected X, got Y" messages. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** A glob matcher (`*`, `?`, `{a,b}`, `[a-z]`) over whole values. */
export function globMatcher(pattern: string, caseInsensitive = false): StringMatcher {
  const isMatch = picomatch()(pattern, { dot: true, nocase: caseInsensitive });
  return (value) => isMatch(value);
}

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses an RFC 3339 date-time, or a full date alone (meaning 00:00 UTC that day), into epoch
 * milliseconds; undefined when the text is not one or names a day that does not exist.
 */
export function parseExpiry(text: string): number | undefined {
  const match = RFC3339.exec(text.trim());
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2027-02-30 over to March; a date that rolled over does not exist.
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  if (match[4] === undefined) return date.getTime();
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 60) return undefined;
  const at = Date.parse(text.trim().replace(' ', 'T'));
  return Number.isNaN(at) ? undefined : at;
}
