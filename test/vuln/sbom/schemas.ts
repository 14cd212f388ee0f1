import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

/** The shared corpus beside the repository. */
export const CORPUS = fileURLToPath(new URL('../../../../shared/corpus', import.meta.url));
const CDX = join(CORPUS, 'schemas', 'cyclonedx');
const SPDX = join(CORPUS, 'schemas', 'spdx', 'v2.3.1', 'schemas', 'spdx-schema.json');

const load = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function report(validate: {
  (data: unknown): boolean;
  errors?: unknown;
}): (doc: unknown) => string[] {
  return (doc) =>
    validate(doc)
      ? []
      : ((validate.errors ?? []) as { instancePath: string; message?: string }[]).map(
          (e) => `${e.instancePath} ${e.message ?? ''}`,
        );
}

/** The official CycloneDX 1.6 schema (draft-07, with its SPDX licence and JSF references). */
export function cyclonedxValidator(): (doc: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  // ajv-formats lacks IRIs; CycloneDX uses them only for URLs we do not write.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  ajv.addSchema(load(join(CDX, 'spdx.schema.json')), 'spdx.schema.json');
  ajv.addSchema(load(join(CDX, 'jsf-0.82.schema.json')), 'jsf-0.82.schema.json');
  return report(ajv.compile(load(join(CDX, 'bom-1.6.schema.json'))));
}

/** The official SPDX 2.3 schema (draft 2019-09). */
export function spdxValidator(): (doc: unknown) => string[] {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return report(ajv.compile(load(SPDX)));
}
