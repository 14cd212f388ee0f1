import { CubecapeError } from '../../core/errors.js';

/** OpenVEX statement statuses (https://github.com/openvex/spec). */
export const VEX_STATUSES = ['not_affected', 'affected', 'fixed', 'under_investigation'] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];

/** The justifications OpenVEX allows for `not_affected`. */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];

/** One statement, normalised from either the v0.0.1 or the v0.2.0 document shape. */
export interface VexStatement {
  /** The vulnerability name and its aliases. */
  readonly vulnerability: readonly string[];
  /** Product identifiers (purls, image references, digests). */
  readonly products: readonly string[];
  /** Subcomponent identifiers (package purls inside the products). */
  readonly subcomponents: readonly string[];
  readonly status: VexStatus;
  readonly justification?: string;
  readonly impactStatement?: string;
  readonly timestamp?: string;
  /** Index in the document's `statements`, for messages. */
  readonly index: number;
}

/** A parsed OpenVEX document. */
export interface VexDocument {
  readonly file: string;
  readonly id?: string;
  readonly timestamp?: string;
  readonly statements: readonly VexStatement[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

function bad(file: string, where: string, expected: string, got: unknown): CubecapeError {
  const shown = got === undefined ? 'nothing' : JSON.stringify(got).slice(0, 60);
  return new CubecapeError('VEX_INVALID', `${where}: expected ${expected}, got ${shown}`, { file });
}

/** `"CVE-1"` (v0.0.1) or `{ name, "@id", aliases }` (v0.2.0) → names. */
function vulnerabilityNames(value: unknown, file: string, where: string): string[] {
  const single = text(value);
  if (single !== undefined) return [single];
  if (isObject(value)) {
    const names = [text(value['name']), text(value['@id'])].filter((n) => n !== undefined);
    const aliases = Array.isArray(value['aliases'])
      ? value['aliases'].map(text).filter((a) => a !== undefined)
      : [];
    if (names.length > 0) return [...new Set([...names, ...aliases])];
  }
  throw bad(file, where, 'a vulnerability name or { "name": ... }', value);
}

/** A product: a string (v0.0.1) or `{ "@id", identifiers: { purl }, subcomponents }`. */
function productIds(value: unknown): { ids: string[]; subcomponents: string[] } {
  const single = text(value);
  if (single !== undefined) return { ids: [single], subcomponents: [] };
  if (!isObject(value)) return { ids: [], subcomponents: [] };
  const ids = [text(value['@id'])];
  const identifiers = value['identifiers'];
  if (isObject(identifiers)) ids.push(text(identifiers['purl']));
  const subcomponents = Array.isArray(value['subcomponents'])
    ? value['subcomponents'].flatMap((s) => productIds(s).ids)
    : [];
  return { ids: ids.filter((i) => i !== undefined), subcomponents };
}

function statementOf(
  value: unknown,
  index: number,
  file: string,
  defaults: string | undefined,
): VexStatement {
  const where = `statements[${String(index)}]`;
  if (!isObject(value)) throw bad(file, where, 'an object', value);
  const vulnerability = vulnerabilityNames(value['vulnerability'], file, `${where}.vulnerability`);
  const status = value['status'];
  if (typeof status !== 'string' || !(VEX_STATUSES as readonly string[]).includes(status))
    throw bad(file, `${where}.status`, VEX_STATUSES.join(', '), status);
  if (!Array.isArray(value['products']) || value['products'].length === 0)
    throw bad(file, `${where}.products`, 'a non-empty array', value['products']);
  const products: string[] = [];
  const subcomponents: string[] = [];
  for (const product of value['products']) {
    const found = productIds(product);
    if (found.ids.length === 0)
      throw bad(file, `${where}.products`, 'product identifiers', product);
    products.push(...found.ids);
    subcomponents.push(...found.subcomponents);
  }
  if (Array.isArray(value['subcomponents']))
    for (const sub of value['subcomponents']) subcomponents.push(...productIds(sub).ids);
  const justification = text(value['justification']);
  const impactStatement = text(value['impact_statement']);
  if (
    justification !== undefined &&
    !(VEX_JUSTIFICATIONS as readonly string[]).includes(justification)
  )
    throw bad(file, `${where}.justification`, VEX_JUSTIFICATIONS.join(', '), justification);
  if (status === 'not_affected' && justification === undefined && impactStatement === undefined)
    throw bad(
      file,
      where,
      'a justification or impact_statement for status not_affected',
      value['status'],
    );
  const timestamp = text(value['timestamp']) ?? defaults;
  return {
    vulnerability,
    products,
    subcomponents,
    status: status as VexStatus,
    ...(justification === undefined ? {} : { justification }),
    ...(impactStatement === undefined ? {} : { impactStatement }),
    ...(timestamp === undefined ? {} : { timestamp }),
    index,
  };
}

/** Parses an OpenVEX JSON document; any shape problem is a `VEX_INVALID` error naming the statement. */
export function parseOpenVex(content: string, file: string): VexDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch (error) {
    throw new CubecapeError(
      'JSON_SYNTAX',
      `expected an OpenVEX JSON document: ${(error as Error).message}`,
      {
        file,
        cause: error,
      },
    );
  }
  if (!isObject(doc)) throw bad(file, 'document', 'an object', doc);
  const context = text(doc['@context']);
  if (context === undefined || !context.startsWith('https://openvex.dev/ns'))
    throw bad(file, '@context', 'an OpenVEX context (https://openvex.dev/ns/...)', doc['@context']);
  if (!Array.isArray(doc['statements']))
    throw bad(file, 'statements', 'an array', doc['statements']);
  const timestamp = text(doc['timestamp']);
  const id = text(doc['@id']);
  return {
    file,
    ...(id === undefined ? {} : { id }),
    ...(timestamp === undefined ? {} : { timestamp }),
    statements: doc['statements'].map((s, i) => statementOf(s, i, file, timestamp)),
  };
}
