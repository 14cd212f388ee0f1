/** The OSV fields cubecape reads; everything else is kept in the raw JSON. */
export interface OsvRecord {
  readonly id: string;
  readonly modified: string;
  readonly published?: string;
  readonly withdrawn?: string;
  readonly summary?: string;
  readonly details?: string;
  readonly aliases: readonly string[];
  readonly severity: readonly { readonly type: string; readonly score: string }[];
  readonly references: readonly { readonly type: string; readonly url: string }[];
  readonly affected: readonly OsvAffectedEntry[];
}

/** One `affected[]` entry, with the package it names. */
export interface OsvAffectedEntry {
  readonly package: { readonly ecosystem: string; readonly name: string; readonly purl?: string };
  readonly ranges?: readonly unknown[];
  readonly versions?: readonly string[];
  readonly ecosystem_specific?: unknown;
  readonly database_specific?: unknown;
}

/** The result of validating one parsed document. */
export type Validated = { readonly record: OsvRecord } | { readonly reason: string };

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isString = (value: unknown): value is string => typeof value === 'string';

/** RFC 3339 as OSV uses it; a lexical check is enough to order timestamps as strings. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function checkAffected(raw: unknown, index: number): string | undefined {
  if (!isRecord(raw)) return `affected[${index}] is not an object`;
  const pkg = raw['package'];
  // OSV allows affected entries without a package only for GIT-only data; we cannot index those.
  if (!isRecord(pkg)) return `affected[${index}].package is missing`;
  if (!isString(pkg['ecosystem']) || pkg['ecosystem'] === '')
    return `affected[${index}].package.ecosystem must be a non-empty string`;
  if (!isString(pkg['name']) || pkg['name'] === '')
    return `affected[${index}].package.name must be a non-empty string`;
  if (raw['ranges'] !== undefined && !Array.isArray(raw['ranges']))
    return `affected[${index}].ranges must be a list`;
  const versions = raw['versions'];
  if (versions !== undefined && !(Array.isArray(versions) && versions.every(isString)))
    return `affected[${index}].versions must be a list of strings`;
  return undefined;
}

function optionalTimestamp(raw: Record<string, unknown>, key: string): string | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (!isString(value) || !TIMESTAMP.test(value)) return `${key} must be an RFC 3339 timestamp`;
  return undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter(isString) : [];
}

function pairs<K extends string, V extends string>(
  value: unknown,
  k: K,
  v: V,
): Record<K | V, string>[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Record<K | V, string> =>
      isRecord(item) && isString(item[k]) && isString(item[v]),
  );
}

/**
 * Checks the minimum cubecape needs from an OSV document: a string `id`, an RFC 3339
 * `modified`, and well-formed `affected` entries. Returns the typed record, or a reason
 * naming the offending field.
 */
export function validateOsvRecord(raw: unknown): Validated {
  if (!isRecord(raw)) return { reason: 'expected an OSV object' };
  const id = raw['id'];
  if (!isString(id) || id.trim() === '') return { reason: 'id must be a non-empty string' };
  const modified = raw['modified'];
  if (!isString(modified) || !TIMESTAMP.test(modified))
    return { reason: `${id}: modified must be an RFC 3339 timestamp` };
  for (const key of ['published', 'withdrawn']) {
    const problem = optionalTimestamp(raw, key);
    if (problem !== undefined) return { reason: `${id}: ${problem}` };
  }
  const affected = raw['affected'] ?? [];
  if (!Array.isArray(affected)) return { reason: `${id}: affected must be a list` };
  for (const [index, entry] of affected.entries()) {
    const problem = checkAffected(entry, index);
    if (problem !== undefined) return { reason: `${id}: ${problem}` };
  }
  const text = (key: string): { [k: string]: string } =>
    isString(raw[key]) ? { [key]: raw[key] } : {};
  return {
    record: {
      id,
      modified,
      ...text('published'),
      ...text('withdrawn'),
      ...text('summary'),
      ...text('details'),
      aliases: stringList(raw['aliases']),
      severity: pairs(raw['severity'], 'type', 'score'),
      references: pairs(raw['references'], 'type', 'url'),
      affected: affected as OsvAffectedEntry[],
    },
  };
}
