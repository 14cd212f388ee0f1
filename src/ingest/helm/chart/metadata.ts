/** Parses Chart.yaml (v1 and v2) and values files into checked structures. */
import { CubecapeError } from '../../../core/errors.js';
import { isRecord } from '../../../model/resource.js';
import { kubernetesYamlSchema } from '../../yaml-schema.js';
import type { ChartDependency, ChartMetadata } from './types.js';
import { jsYaml } from '../../../core/lazy-require.js';

/** Decodes YAML text as Helm does (YAML 1.1 scalars); errors carry the file. */
export function parseYamlFile(text: string, file: string): unknown {
  try {
    return jsYaml().load(text, { schema: kubernetesYamlSchema(), filename: file });
  } catch (error) {
    const mark = error instanceof jsYaml().YAMLException ? error.mark : undefined;
    throw new CubecapeError('YAML_SYNTAX', error instanceof Error ? error.message : String(error), {
      file,
      line: mark === undefined ? undefined : mark.line + 1,
      cause: error,
    });
  }
}

/** A values file: a mapping, or nothing when empty. */
export function parseValuesFile(text: string, file: string): Record<string, unknown> {
  const value = parseYamlFile(text, file);
  if (value === undefined || value === null) return {};
  if (!isRecord(value))
    throw new CubecapeError('YAML_SYNTAX', `expected a mapping of values, got ${typeof value}`, {
      file,
    });
  return value;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

function dependencyOf(value: unknown, file: string): ChartDependency {
  if (!isRecord(value) || text(value['name']) === '')
    throw new CubecapeError('YAML_SYNTAX', 'a chart dependency needs a name', { file });
  const tags = Array.isArray(value['tags']) ? value['tags'].map(text) : [];
  const imports = value['import-values'];
  return {
    name: text(value['name']),
    version: text(value['version']),
    repository: text(value['repository']),
    condition: text(value['condition']),
    tags,
    alias: text(value['alias']),
    importValues: Array.isArray(imports) ? imports : [],
  };
}

const NAME_PATTERN = /^[a-zA-Z0-9._-]+$/;

/**
 * Checks Chart.yaml as Helm's loader does: apiVersion, name and version present, a name that
 * cannot escape a path, a known type. `requirements` is the v1 requirements.yaml, if any.
 */
export function parseChartMetadata(
  source: string,
  file: string,
  requirements?: unknown,
): ChartMetadata {
  const raw = parseYamlFile(source, file);
  if (!isRecord(raw))
    throw new CubecapeError('YAML_SYNTAX', 'Chart.yaml is not a mapping', { file });
  const apiVersion = text(raw['apiVersion']);
  const name = text(raw['name']);
  const version = text(raw['version']);
  if (apiVersion === '')
    throw new CubecapeError('YAML_SYNTAX', 'Chart.yaml: apiVersion is required', { file });
  if (name === '' || !NAME_PATTERN.test(name))
    throw new CubecapeError(
      'YAML_SYNTAX',
      `Chart.yaml: invalid chart name ${JSON.stringify(name)}`,
      { file },
    );
  if (version === '')
    throw new CubecapeError('YAML_SYNTAX', 'Chart.yaml: version is required', { file });
  const type = text(raw['type']) || 'application';
  if (type !== 'application' && type !== 'library')
    throw new CubecapeError(
      'YAML_SYNTAX',
      `Chart.yaml: unknown chart type ${JSON.stringify(type)}`,
      { file },
    );
  const declared =
    apiVersion === 'v1' && isRecord(requirements)
      ? requirements['dependencies']
      : raw['dependencies'];
  const dependencies = Array.isArray(declared)
    ? declared.map((entry) => dependencyOf(entry, file))
    : [];
  return { apiVersion, name, version, type, dependencies, raw };
}
