/**
 * A small TOML reader, enough for lockfiles (Cargo.lock, poetry.lock, uv.lock) and Helm's
 * `fromToml`: tables, arrays of tables, dotted and quoted keys, strings of all four kinds,
 * numbers, booleans, date-times (kept as strings), arrays and inline tables. Errors carry the
 * 1-based line.
 */
/** Integers are `bigint` only when parsed with `{ bigints: true }`; otherwise every number is a `number`. */
export type TomlValue = string | number | bigint | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

/** A TOML syntax error at a line. */
export class TomlError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'TomlError';
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  b: '\b',
  t: '\t',
  n: '\n',
  f: '\f',
  r: '\r',
  '"': '"',
  '\\': '\\',
};

/** Tables have no prototype, so keys such as `__proto__` are plain data. */
const table = (): TomlTable => Object.create(null) as TomlTable;

const isTable = (v: TomlValue | undefined): v is TomlTable =>
  typeof v === 'object' && !Array.isArray(v);

class Reader {
  at = 0;
  constructor(
    readonly text: string,
    readonly bigints = false,
  ) {}

  get line(): number {
    let n = 1;
    for (let i = 0; i < this.at && i < this.text.length; i++) if (this.text[i] === '\n') n++;
    return n;
  }
  fail(message: string): never {
    throw new TomlError(message, this.line);
  }
  peek(offset = 0): string {
    return this.text[this.at + offset] ?? '';
  }
  /** Skips spaces and tabs (and, when `newlines`, line breaks and comments). */
  skip(newlines: boolean): void {
    for (;;) {
      const c = this.peek();
      if (c === ' ' || c === '\t') this.at++;
      else if (newlines && (c === '\n' || c === '\r')) this.at++;
      else if (c === '#') while (this.at < this.text.length && this.peek() !== '\n') this.at++;
      else return;
    }
  }
  expectLineEnd(): void {
    this.skip(false);
    const c = this.peek();
    if (c === '\r') this.at++;
    if (this.peek() === '\n') this.at++;
    else if (this.at < this.text.length) this.fail(`expected end of line, got "${this.peek()}"`);
  }

  key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.peek();
      if (c === '"' || c === "'") parts.push(this.string());
      else {
        const match = /^[A-Za-z0-9_-]+/.exec(this.text.slice(this.at, this.at + 256));
        if (match === null) this.fail(`expected a key, got "${c}"`);
        parts.push(match[0]);
        this.at += match[0].length;
      }
      this.skip(false);
      if (this.peek() !== '.') return parts;
      this.at++;
    }
  }

  string(): string {
    const quote = this.peek();
    const multi = this.text.startsWith(quote.repeat(3), this.at);
    this.at += multi ? 3 : 1;
    if (multi && this.peek() === '\n') this.at++;
    else if (multi && this.peek() === '\r' && this.peek(1) === '\n') this.at += 2;
    let out = '';
    for (;;) {
      if (this.at >= this.text.length) this.fail('unterminated string');
      const c = this.peek();
      if (multi && this.text.startsWith(quote.repeat(3), this.at)) {
        this.at += 3;
        // Up to two quotes right before the closing delimiter belong to the string.
        while (this.peek() === quote && out.length >= 0 && this.text[this.at + 0] === quote) {
          out += quote;
          this.at++;
        }
        return out;
      }
      if (!multi && c === quote) {
        this.at++;
        return out;
      }
      if (!multi && c === '\n') this.fail('newline in a single-line string');
      if (quote === '"' && c === '\\') {
        const e = this.peek(1);
        if (multi && (e === '\n' || e === ' ' || e === '\t' || e === '\r')) {
          this.at++;
          while (/[\s]/.test(this.peek())) this.at++;
          continue;
        }
        if (e === 'u' || e === 'U') {
          const size = e === 'u' ? 4 : 8;
          const hex = this.text.slice(this.at + 2, this.at + 2 + size);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== size) this.fail('bad unicode escape');
          out += String.fromCodePoint(parseInt(hex, 16));
          this.at += 2 + size;
          continue;
        }
        const escaped = ESCAPES[e];
        if (escaped === undefined) this.fail(`bad escape "\\${e}"`);
        out += escaped;
        this.at += 2;
        continue;
      }
      out += c;
      this.at++;
    }
  }

  value(): TomlValue {
    this.skip(false);
    const c = this.peek();
    if (c === '"' || c === "'") return this.string();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const match = /^[^\s,\]}#]+/.exec(this.text.slice(this.at, this.at + 512));
    if (match === null) this.fail(`expected a value, got "${c}"`);
    const word = match[0];
    this.at += word.length;
    if (word === 'true') return true;
    if (word === 'false') return false;
    // Date-times may contain one space between date and time.
    if (
      /^\d{4}-\d{2}-\d{2}$/.test(word) &&
      /^ \d{2}:/.test(this.text.slice(this.at, this.at + 4))
    ) {
      const time = /^ [^\s,\]}#]+/.exec(this.text.slice(this.at, this.at + 64))?.[0] ?? '';
      this.at += time.length;
      return word + time;
    }
    if (/^\d{4}-\d{2}-\d{2}/.test(word) || /^\d{2}:\d{2}/.test(word)) return word;
    const digits = word.replace(/_/g, '');
    if (this.bigints && /^([+-]?\d+|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$/.test(digits)) {
      return digits.startsWith('-') ? -BigInt(digits.slice(1)) : BigInt(digits.replace(/^\+/, ''));
    }
    const number = Number(digits);
    if (/^[+-]?(inf|nan)$/.test(word))
      return word.includes('nan') ? NaN : word.startsWith('-') ? -Infinity : Infinity;
    if (Number.isNaN(number)) this.fail(`expected a value, got "${word}"`);
    return number;
  }

  array(): TomlValue[] {
    this.at++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.peek() === ']') {
        this.at++;
        return out;
      }
      out.push(this.value());
      this.skip(true);
      if (this.peek() === ',') this.at++;
      else if (this.peek() !== ']')
        this.fail(`expected "," or "]" in an array, got "${this.peek()}"`);
    }
  }

  inlineTable(): TomlTable {
    this.at++;
    const out = table();
    this.skip(false);
    if (this.peek() === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      const key = this.key();
      if (this.peek() !== '=') this.fail('expected "=" after a key');
      this.at++;
      assign(out, key, this.value(), this);
      this.skip(false);
      if (this.peek() === ',') this.at++;
      else if (this.peek() === '}') {
        this.at++;
        return out;
      } else this.fail(`expected "," or "}" in an inline table, got "${this.peek()}"`);
    }
  }
}

function descend(start: TomlTable, path: readonly string[], reader: Reader): TomlTable {
  let here = start;
  for (const part of path) {
    let next = here[part];
    if (next === undefined) here[part] = next = table();
    if (Array.isArray(next)) next = next[next.length - 1];
    if (!isTable(next)) reader.fail(`key "${part}" is not a table`);
    here = next;
  }
  return here;
}

function assign(target: TomlTable, key: readonly string[], value: TomlValue, reader: Reader): void {
  const last = key[key.length - 1] ?? '';
  const parent = descend(target, key.slice(0, -1), reader);
  if (Object.hasOwn(parent, last)) reader.fail(`duplicate key "${key.join('.')}"`);
  parent[last] = value;
}

/**
 * Parses a TOML document; throws {@link TomlError} with the line on bad syntax. With `bigints`,
 * integers are `bigint` (Go's int64, for Helm's `fromToml`) and floats `number`.
 */
export function parseToml(text: string, options: { readonly bigints?: boolean } = {}): TomlTable {
  const root = table();
  const reader = new Reader(text, options.bigints === true);
  let current = root;
  for (;;) {
    reader.skip(true);
    if (reader.at >= text.length) return root;
    if (reader.peek() === '[') {
      const array = reader.peek(1) === '[';
      reader.at += array ? 2 : 1;
      const path = reader.key();
      if (!text.startsWith(array ? ']]' : ']', reader.at))
        reader.fail('expected "]" after a table name');
      reader.at += array ? 2 : 1;
      const parent = descend(root, path.slice(0, -1), reader);
      const name = path[path.length - 1] ?? '';
      if (array) {
        const list = parent[name] ?? (parent[name] = []);
        const fresh = table();
        if (Array.isArray(list)) list.push(fresh);
        else reader.fail(`"${path.join('.')}" is not an array of tables`);
        current = fresh;
      } else {
        const existing = parent[name];
        if (existing === undefined) current = parent[name] = table();
        else if (isTable(existing)) current = existing;
        else reader.fail(`"${path.join('.')}" is not a table`);
      }
      reader.expectLineEnd();
      continue;
    }
    const key = reader.key();
    if (reader.peek() !== '=') reader.fail(`expected "=" after key "${key.join('.')}"`);
    reader.at++;
    assign(current, key, reader.value(), reader);
    reader.expectLineEnd();
  }
}
