import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv04Module from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The official SARIF 2.1.0 schema (OASIS errata 01), kept in the shared corpus. */
export const SARIF_CORPUS = join(repoRoot, '..', 'shared', 'corpus', 'schemas', 'sarif');
const SCHEMA_PATH = join(SARIF_CORPUS, 'sarif-2.1', 'schema', 'sarif-schema-2.1.0.json');

/** A validator for SARIF 2.1.0 logs; throws when the schema is missing rather than passing. */
export function sarifValidator(): (log: unknown) => string[] {
  if (!existsSync(SCHEMA_PATH)) {
    throw new Error(
      `SARIF schema not found at ${SCHEMA_PATH}: the shared corpus must be beside the repo`,
    );
  }
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // CommonJS packages: under NodeNext the class is the default export's `default`.
  const ajv = new Ajv04Module.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (log) =>
    validate(log)
      ? []
      : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}
