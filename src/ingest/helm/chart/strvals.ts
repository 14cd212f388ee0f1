/**
 * Helm's `--set` syntax (`strvals`): `a.b=c,d[0]=e,f={x,y}`, with `\` escaping any character.
 * Values are typed as Helm types them (`true`, `false`, `null`, integers) unless set as strings.
 */
import { CubecapeError } from '../../../core/errors.js';

/** How a value text becomes a value: typed (`--set`), string (`--set-string`), or mapped (`--set-file`). */
export type ValueReader = (raw: string) => unknown;

/** Helm's typing of `--set` values; integers become bigint (Go int64), as they print differently. */
export function typedValue(raw: string): unknown {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (raw === '0') return 0n;
  if (/^[+-]?[1-9]\d*$/.test(raw)) {
    const value = BigInt(raw);
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return value;
  }
  return raw;
}

/** Indexes beyond this are refused, as an index allocates a list that long. */
const MAX_INDEX = 65536;

class Scanner {
  at = 0;
  constructor(
    readonly text: string,
    private readonly read: ValueReader,
  ) {}

  fail(message: string): never {
    throw new CubecapeError('USAGE', `--set ${JSON.stringify(this.text)}: ${message}`);
  }

  /** Reads up to one of `stops` (unescaped); returns the text and the stop met ('' at end). */
  until(stops: string): { text: string; stop: string } {
    let out = '';
    while (this.at < this.text.length) {
      const char = this.text.charAt(this.at++);
      if (char === '\\' && this.at < this.text.length) {
        out += this.text.charAt(this.at++);
        continue;
      }
      if (stops.includes(char)) return { text: out, stop: char };
      out += char;
    }
    return { text: out, stop: '' };
  }

  /** `value` or `{a,b}` after `=`; leaves the cursor after the closing comma. */
  value(): unknown {
    if (this.text.charAt(this.at) === '{') {
      this.at++;
      const items: unknown[] = [];
      for (;;) {
        const { text, stop } = this.until(',}');
        if (stop === '') this.fail('list is missing its closing "}"');
        if (text !== '' || stop === ',' || items.length > 0) items.push(this.read(text));
        if (stop === '}') break;
      }
      const next = this.until(',');
      if (next.text !== '') this.fail(`unexpected ${JSON.stringify(next.text)} after a list`);
      return items;
    }
    return this.read(this.until(',').text);
  }

  /** Parses `key…=value` into `target`; returns false at the end of the text. */
  assignment(target: Record<string, unknown>): void {
    const { text: key, stop } = this.until('=.[,');
    if (stop === '' || stop === ',') {
      if (key === '' && stop === '') return;
      this.fail(`key ${JSON.stringify(key)} has no value`);
    }
    if (key === '') this.fail('empty key');
    if (stop === '=') {
      target[key] = this.value();
    } else if (stop === '.') {
      this.assignment(this.mapAt(target, key));
    } else {
      const list = Array.isArray(target[key]) ? (target[key] as unknown[]) : [];
      target[key] = list;
      this.indexed(list);
    }
  }

  mapAt(target: Record<string, unknown>, key: string): Record<string, unknown> {
    const existing = target[key];
    if (existing !== null && typeof existing === 'object' && !Array.isArray(existing))
      return existing as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    target[key] = fresh;
    return fresh;
  }

  /** After `[`: `N]=value`, `N].key…`, or `N][M]…`. */
  indexed(list: unknown[]): void {
    const { text, stop } = this.until(']');
    if (stop === '' || !/^\d+$/.test(text)) this.fail(`bad list index ${JSON.stringify(text)}`);
    const index = Number(text);
    if (index > MAX_INDEX) this.fail(`list index ${text} is larger than ${String(MAX_INDEX)}`);
    while (list.length <= index) list.push(null);
    const next = this.text.charAt(this.at++);
    if (next === '=') list[index] = this.value();
    else if (next === '.') {
      const holder = { item: list[index] };
      this.assignment(this.mapAt(holder, 'item'));
      list[index] = holder.item;
    } else if (next === '[') {
      const inner = Array.isArray(list[index]) ? (list[index] as unknown[]) : [];
      list[index] = inner;
      this.indexed(inner);
    } else this.fail(`unexpected ${JSON.stringify(next)} after a list index`);
  }
}

/** Applies one `--set`-style argument to `target` (mutated). Throws `USAGE` on syntax errors. */
export function applySetArgument(
  target: Record<string, unknown>,
  text: string,
  read: ValueReader = typedValue,
): void {
  const scanner = new Scanner(text, read);
  while (scanner.at < text.length) scanner.assignment(target);
}
