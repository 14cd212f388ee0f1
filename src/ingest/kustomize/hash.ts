/** The content hash kustomize appends to generated ConfigMap and Secret names. */
import { createHash } from 'node:crypto';
import { isRecord } from '../../model/resource.js';
import { kindOf, type Obj } from './node.js';

/** JSON as Go's `encoding/json` writes it: sorted map keys, HTML-safe escapes. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort(byBytes);
    return `{${keys.map((key) => `${goString(key)}:${goJson(value[key])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value);
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function goString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (char) => {
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A field as kustomize's hasher reads it: maps as JSON, scalars as their text, and a missing
 * field as the empty string.
 */
function fieldValue(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  if (isRecord(value)) return value;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The object kustomize encodes before hashing. kustomize v5 looks the name up under a key that
 * never exists, so the name is always empty in the encoding; we match that, since references
 * must agree with the real tool.
 */
function hashInput(object: Obj): string {
  const kind = kindOf(object);
  if (kind === 'ConfigMap') {
    const encoded: Obj = { kind, name: '', data: fieldValue(object['data']) };
    if (isRecord(object['binaryData'])) encoded['binaryData'] = object['binaryData'];
    return goJson(encoded);
  }
  if (kind === 'Secret') {
    const encoded: Obj = {
      kind,
      type: fieldValue(object['type']),
      name: '',
      data: fieldValue(object['data']),
    };
    if (isRecord(object['stringData'])) encoded['stringData'] = object['stringData'];
    return goJson(encoded);
  }
  return goJson(object);
}

/** sha256 of the encoding, first 10 hex digits, with letters swapped in so it is never all digits or a word. */
export function kustomizeHash(object: Obj): string {
  const hex = createHash('sha256').update(hashInput(object), 'utf8').digest('hex');
  const swaps: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return hex.slice(0, 10).replace(/[013ae]/g, (char) => swaps[char] ?? char);
}
