/** Go's encoding/json for the value model: sorted keys, HTML escaping, Go's float format. */
import { formatFloat } from '../go-float.js';
import { GoObject, isGoMap, mapSet, newMap, sortedKeys, type GoValue } from '../values.js';

function jsonString(s: string, escapeHtml: boolean): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || (escapeHtml && (ch === '<' || ch === '>' || ch === '&'))) {
      out += `\\u00${cp.toString(16).padStart(2, '0')}`;
    } else if (cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16)}`;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

/** Go's float encoding: shortest digits, exponent form only outside [1e-6, 1e21). */
export function jsonFloat(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`json: unsupported value: ${String(value)}`);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    return formatFloat(value, 'e', -1).replace(/e([+-])0(\d)$/, 'e$1$2');
  }
  return formatFloat(value, 'f', -1);
}

/** json.Marshal / MarshalIndent(v, "", indent). Throws on NaN/Inf and functions. */
export function toGoJson(value: GoValue, indent = '', escapeHtml = true, depth = 0): string {
  const nl = indent === '' ? '' : `\n${indent.repeat(depth + 1)}`;
  const close = indent === '' ? '' : `\n${indent.repeat(depth)}`;
  const colon = indent === '' ? ':' : ': ';
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'bigint':
      return value.toString();
    case 'number':
      return jsonFloat(value);
    case 'string':
      return jsonString(value, escapeHtml);
    case 'function':
      throw new Error('json: unsupported type: func()');
    default:
      break;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${value.map((v) => nl + toGoJson(v, indent, escapeHtml, depth + 1)).join(',')}${close}]`;
  }
  if (value instanceof GoObject) return jsonString(value.toGoString(), escapeHtml);
  if (!isGoMap(value)) return 'null';
  const keys = sortedKeys(value);
  if (keys.length === 0) return '{}';
  const parts = keys.map(
    (k) =>
      `${nl}${jsonString(k, escapeHtml)}${colon}${toGoJson(value[k], indent, escapeHtml, depth + 1)}`,
  );
  return `{${parts.join(',')}${close}}`;
}

/** Converts JSON.parse output to the value model (maps without prototypes; numbers are float64). */
export function fromJsValue(value: unknown): GoValue {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(fromJsValue);
  if (value instanceof Date) return value.toISOString();
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'bigint':
      return value;
    case 'object': {
      const out = newMap();
      for (const [k, v] of Object.entries(value)) mapSet(out, k, fromJsValue(v));
      return out;
    }
    default:
      return null;
  }
}

/** json.Unmarshal into interface{}. */
export function parseGoJson(text: string): GoValue {
  return fromJsValue(JSON.parse(text) as unknown);
}
