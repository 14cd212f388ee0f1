/**
 * Helm's `toToml`: the TOML that BurntSushi/toml's encoder writes for template values — plain keys
 * sorted before tables, tables indented two spaces per level, nil values left out, numbers from
 * values files as floats (`3.0`).
 */
import { GoObject, isGoMap, sortedKeys, type GoMap, type GoValue } from '../values.js';

const INDENT = '  ';
const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function quoteKey(key: string): string {
  return BARE_KEY.test(key) ? key : quoteString(key);
}

function quoteString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f)
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  const text = Math.abs(value) >= 1e21 ? value.toFixed(0) : String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

function isTable(value: GoValue): boolean {
  return isGoMap(value) || isArrayOfTables(value);
}

function isArrayOfTables(value: GoValue): value is GoValue[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => isGoMap(v));
}

class TomlWriter {
  private out = '';

  private newline(): void {
    if (this.out !== '') this.out += '\n';
  }

  element(value: GoValue): string {
    if (typeof value === 'string') return quoteString(value);
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number') return formatFloat(value);
    if (Array.isArray(value)) return `[${value.map((v) => this.element(v)).join(', ')}]`;
    if (isGoMap(value))
      return `{${sortedKeys(value)
        .filter((k) => value[k] !== null && value[k] !== undefined)
        .map((k) => `${quoteKey(k)} = ${this.element(value[k])}`)
        .join(', ')}}`;
    if (value instanceof GoObject) return quoteString(value.toGoString());
    throw new Error(`toml: cannot encode a value of type ${typeof value}`);
  }

  table(path: readonly string[], map: GoMap): void {
    const keys = sortedKeys(map).filter((k) => map[k] !== null && map[k] !== undefined);
    const indent = INDENT.repeat(path.length);
    for (const key of keys.filter((k) => !isTable(map[k]))) {
      this.out += `${indent}${quoteKey(key)} = ${this.element(map[key])}`;
      this.newline();
    }
    for (const key of keys.filter((k) => isTable(map[k]))) {
      const value = map[key];
      const full = [...path, key];
      const name = full.map(quoteKey).join('.');
      if (isArrayOfTables(value)) {
        for (const item of value) {
          this.newline();
          this.out += `${indent}[[${name}]]`;
          this.newline();
          this.table(full, item as GoMap);
        }
      } else {
        if (full.length === 1) this.newline();
        this.out += `${indent}[${name}]`;
        this.newline();
        this.table(full, value as GoMap);
      }
    }
  }

  text(): string {
    return this.out;
  }
}

/** TOML for `value`: a document for a map; any other value encodes as a bare TOML value. */
export function toToml(value: GoValue): string {
  const writer = new TomlWriter();
  if (value === null || value === undefined) return '';
  if (!isGoMap(value)) return writer.element(value);
  writer.table([], value);
  return writer.text();
}
