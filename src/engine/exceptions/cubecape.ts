import type { JsonPath } from '../../core/json-path.js';
import { frameworkControlIds } from '../../frameworks/define.js';
import type { ReportException } from '../../report/scan-report.js';
import { DocumentReader, globMatcher, parseExpiry } from './document.js';
import type { ExceptionCatalog, ExceptionRule, ResourceMatcher } from './types.js';

/** apiVersion and kind of a cubecape exception document. */
export const EXCEPTION_API_VERSION = 'cubecape.io/v1alpha1';
export const EXCEPTION_KIND = 'Exception';

const TOP_FIELDS = ['apiVersion', 'kind', 'metadata', 'spec'];
const METADATA_FIELDS = ['name', 'labels', 'annotations'];
const SPEC_FIELDS = ['reason', 'owner', 'ticket', 'expires', 'match'];
const MATCH_FIELDS = ['controls', 'frameworks', 'resources'];
const RESOURCE_FIELDS = ['kind', 'namespace', 'name', 'labels'];

function unknownControl(id: string, catalog: ExceptionCatalog): string {
  const aliased = catalog.controls.find((control) => control.aliases.kubescape?.includes(id));
  const hint =
    aliased === undefined ? '' : ` (Kubescape's ${id} is cubecape's "${aliased.id}"; write that)`;
  return `unknown control "${id}"${hint}; \`cubecape list controls\` shows the ids`;
}

function readControls(
  reader: DocumentReader,
  value: unknown,
  path: JsonPath,
  catalog: ExceptionCatalog,
): Set<string> {
  const known = new Set(catalog.controls.map((control) => control.id));
  const ids = reader.strings(value, path);
  ids.forEach((id, index) => {
    if (!known.has(id)) reader.fail([...path, index], unknownControl(id, catalog));
  });
  return new Set(ids);
}

function readFrameworks(
  reader: DocumentReader,
  value: unknown,
  path: JsonPath,
  catalog: ExceptionCatalog,
): Set<string> {
  const byId = new Map(catalog.frameworks.map((framework) => [framework.id, framework]));
  const controls = new Set<string>();
  reader.strings(value, path).forEach((id, index) => {
    const framework = byId.get(id);
    if (framework === undefined) {
      const known = [...byId.keys()].sort().join(', ');
      reader.fail([...path, index], `unknown framework "${id}"; expected one of: ${known}`);
    }
    for (const control of frameworkControlIds(framework)) controls.add(control);
  });
  return controls;
}

function readResource(reader: DocumentReader, value: unknown, path: JsonPath): ResourceMatcher {
  const fields = reader.object(value, path, RESOURCE_FIELDS);
  if (Object.keys(fields).length === 0) {
    reader.fail(path, `expected at least one of: ${RESOURCE_FIELDS.join(', ')}`);
  }
  const glob = (key: 'kind' | 'namespace' | 'name') => {
    const pattern = reader.optionalString(fields[key], [...path, key]);
    // Kinds compare case-insensitively, as --include-kinds does.
    return pattern === undefined ? {} : { [key]: globMatcher(pattern, key === 'kind') };
  };
  return {
    ...glob('kind'),
    ...glob('namespace'),
    ...glob('name'),
    ...(fields['labels'] === undefined
      ? {}
      : { labels: reader.stringMap(fields['labels'], [...path, 'labels']) }),
  };
}

function readResources(reader: DocumentReader, value: unknown, path: JsonPath): ResourceMatcher[] {
  if (!Array.isArray(value)) reader.fail(path, 'expected a list of resource selectors');
  if (value.length === 0)
    reader.fail(path, 'expected at least one selector; leave the field out to mean "any"');
  return value.map((item: unknown, index) => readResource(reader, item, [...path, index]));
}

function readMatch(reader: DocumentReader, value: unknown, catalog: ExceptionCatalog) {
  const path = ['spec', 'match'];
  const match = reader.object(value, path, MATCH_FIELDS);
  if (MATCH_FIELDS.every((key) => match[key] === undefined)) {
    // An exception that matches every finding is almost always a mistake; say so instead.
    reader.fail(path, `expected at least one of: ${MATCH_FIELDS.join(', ')}`);
  }
  return {
    ...(match['controls'] === undefined
      ? {}
      : { controls: readControls(reader, match['controls'], [...path, 'controls'], catalog) }),
    ...(match['frameworks'] === undefined
      ? {}
      : {
          frameworkControls: readFrameworks(
            reader,
            match['frameworks'],
            [...path, 'frameworks'],
            catalog,
          ),
        }),
    ...(match['resources'] === undefined
      ? {}
      : { resources: readResources(reader, match['resources'], [...path, 'resources']) }),
  };
}

function readExpiry(
  reader: DocumentReader,
  value: unknown,
): { text: string; at: number } | undefined {
  const text = reader.optionalString(value, ['spec', 'expires']);
  if (text === undefined) return undefined;
  const at = parseExpiry(text);
  if (at === undefined) {
    reader.fail(
      ['spec', 'expires'],
      `expected an RFC 3339 date-time such as "2027-01-01T00:00:00Z" or a date such as "2027-01-01", got ${JSON.stringify(text)}`,
    );
  }
  return { text, at };
}

/** Reads one `kind: Exception` document into a rule; throws EXCEPTION_INVALID at file:line. */
export function readCubecapeException(
  reader: DocumentReader,
  value: unknown,
  catalog: ExceptionCatalog,
): ExceptionRule {
  const top = reader.object(value, [], TOP_FIELDS);
  if (top['apiVersion'] !== EXCEPTION_API_VERSION) {
    reader.fail(
      ['apiVersion'],
      `expected apiVersion ${EXCEPTION_API_VERSION}, got ${JSON.stringify(top['apiVersion'] ?? null)}`,
    );
  }
  const metadata = reader.object(top['metadata'], ['metadata'], METADATA_FIELDS);
  const name = reader.string(metadata['name'], ['metadata', 'name']);
  if (metadata['labels'] !== undefined)
    reader.stringMap(metadata['labels'], ['metadata', 'labels']);
  if (metadata['annotations'] !== undefined)
    reader.stringMap(metadata['annotations'], ['metadata', 'annotations']);
  const spec = reader.object(top['spec'], ['spec'], SPEC_FIELDS);
  if (spec['reason'] === undefined)
    reader.fail(['spec'], 'missing "reason": say why this risk is accepted');
  const reason = reader.string(spec['reason'], ['spec', 'reason']);
  const owner = reader.optionalString(spec['owner'], ['spec', 'owner']);
  const ticket = reader.optionalString(spec['ticket'], ['spec', 'ticket']);
  const expiry = readExpiry(reader, spec['expires']);
  if (spec['match'] === undefined)
    reader.fail(['spec'], 'missing "match": say which findings this exception covers');
  const exception: ReportException = {
    name,
    reason,
    ...(owner === undefined ? {} : { owner }),
    ...(ticket === undefined ? {} : { ticket }),
    ...(expiry === undefined ? {} : { expires: expiry.text }),
  };
  return {
    exception,
    ...(expiry === undefined ? {} : { expiresAt: expiry.at }),
    ...readMatch(reader, spec['match'], catalog),
    source: { format: 'cubecape', file: reader.file, line: reader.lineOf(['metadata', 'name']) },
  };
}
