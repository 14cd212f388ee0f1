/** values.schema.json validation, for the chart and each subchart's part of the values. */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CubecapeError } from '../../../core/errors.js';
import { ajv, ajv2020 } from '../../../core/lazy-require.js';
import { isRecord } from '../../../model/resource.js';
import type { ChartNode } from './values.js';

/** JSON as the validator sees values: Go int64 (bigint) becomes a number. */
function toJson(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  return value;
}

function describe(error: ErrorObject): string {
  const at =
    error.instancePath === '' ? '(root)' : error.instancePath.slice(1).replaceAll('/', '.');
  const extra =
    error.keyword === 'additionalProperties' && isRecord(error.params)
      ? ` (${String(error.params['additionalProperty'])})`
      : '';
  return `- at ${at}: ${error.message ?? error.keyword}${extra}`;
}

const AJV_OPTIONS = {
  strict: false,
  allErrors: true,
  validateFormats: false,
  validateSchema: false,
};

/** Compiles a chart schema: 2019-09/2020-12 schemas as declared, anything else as draft-07. */
function compile(schema: Record<string, unknown>): ValidateFunction {
  const declared = typeof schema['$schema'] === 'string' ? schema['$schema'] : '';
  if (/\/(2019-09|2020-12)\//.test(declared))
    return new (ajv2020().Ajv2020)(AJV_OPTIONS).compile(schema);
  // Charts often declare draft URIs Ajv does not ship (`http://json-schema.org/schema#`).
  const { $schema: _declared, ...rest } = schema;
  return new (ajv().Ajv)(AJV_OPTIONS).compile(rest);
}

function check(node: ChartNode, values: unknown, problems: string[]): void {
  const schema = node.chart.schema;
  if (isRecord(schema)) {
    let validate: ValidateFunction | undefined;
    try {
      validate = compile(schema);
    } catch (error) {
      problems.push(`${node.path}: values.schema.json is not a usable schema: ${String(error)}`);
    }
    if (validate !== undefined && !validate(toJson(values)))
      problems.push(`${node.name}:\n${(validate.errors ?? []).map(describe).join('\n')}`);
  }
  for (const dependency of node.dependencies) {
    const sub = isRecord(values) ? values[dependency.name] : undefined;
    check(dependency, sub ?? {}, problems);
  }
}

/** Validates coalesced values against every chart's schema; throws `TEMPLATE_EXEC` listing all errors. */
export function validateValues(root: ChartNode, values: Record<string, unknown>): void {
  const problems: string[] = [];
  check(root, values, problems);
  if (problems.length > 0)
    throw new CubecapeError(
      'TEMPLATE_EXEC',
      `values don't meet the specifications of the schema(s) in the following chart(s):\n${problems.join('\n')}`,
      { file: `${root.path}/values.schema.json` },
    );
}
