import type { JsonPath } from '../../core/json-path.js';
import { frameworkControlIds } from '../../frameworks/define.js';
import type { IngestIssue } from '../../ingest/types.js';
import { isRecord } from '../../model/resource.js';
import type { ReportException } from '../../report/scan-report.js';
import type { DocumentReader } from './document.js';
import type { ExceptionCatalog, ExceptionRule, ResourceMatcher, StringMatcher } from './types.js';

/** The `policyType` that marks a Kubescape exception. */
export const KUBESCAPE_POLICY_TYPE = 'postureExceptionPolicy';

/** Kubescape framework names with a cubecape equivalent; `*` = every control. */
const FRAMEWORK_NAMES: Readonly<Record<string, string>> = {
  nsa: 'nsa-cisa',
  mitre: 'mitre-attack',
  allcontrols: '*',
};

/** Attributes that Kubescape matches as regular expressions; every other key is a label. */
const REGEX_ATTRIBUTES = ['kind', 'name', 'namespace'];

/** True when a parsed document is (a list of) Kubescape exceptions. */
export function isKubescapeDocument(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return isRecord(first) && first['policyType'] === KUBESCAPE_POLICY_TYPE;
}

interface Context {
  readonly reader: DocumentReader;
  readonly catalog: ExceptionCatalog;
  readonly warnings: IngestIssue[];
}

function warn(context: Context, path: JsonPath, message: string): void {
  context.warnings.push({
    code: 'EXCEPTION_NOT_APPLIED',
    severity: 'warning',
    message,
    file: context.reader.file,
    line: context.reader.lineOf(path),
  });
}

/**
 * Kubescape's patterns are Go regular expressions. They are anchored here, so `default` means the
 * namespace `default` and not every namespace containing the word: a narrower match leaves a
 * finding failed and visible rather than silently accepted.
 */
function regexMatcher(context: Context, pattern: string, path: JsonPath): StringMatcher {
  try {
    const regex = new RegExp(`^(?:${pattern})$`, 'u');
    return (value) => regex.test(value);
  } catch {
    return context.reader.fail(path, `invalid regular expression ${JSON.stringify(pattern)}`);
  }
}

function readDesignator(
  context: Context,
  value: unknown,
  path: JsonPath,
  name: string,
): ResourceMatcher | undefined {
  const { reader } = context;
  if (!isRecord(value)) return reader.fail(path, 'expected a resource designator mapping');
  if (value['designatorType'] !== 'Attributes') {
    warn(
      context,
      path,
      `exception "${name}": only designatorType "Attributes" is supported; this resource designator is ignored`,
    );
    return undefined;
  }
  const attributes = reader.stringMap(value['attributes'], [...path, 'attributes']);
  const cluster = attributes['cluster'];
  if (
    cluster !== undefined &&
    !regexMatcher(context, cluster, [...path, 'attributes', 'cluster'])('')
  ) {
    warn(
      context,
      [...path, 'attributes', 'cluster'],
      `exception "${name}": applies only to cluster ${JSON.stringify(cluster)}, and a manifest scan has no cluster; this designator is ignored`,
    );
    return undefined;
  }
  const matcher: { -readonly [K in keyof ResourceMatcher]: ResourceMatcher[K] } = {};
  const labels: Record<string, string> = {};
  for (const [key, pattern] of Object.entries(attributes)) {
    if (key === 'cluster') continue;
    if (REGEX_ATTRIBUTES.includes(key)) {
      matcher[key as 'kind' | 'name' | 'namespace'] = regexMatcher(context, pattern, [
        ...path,
        'attributes',
        key,
      ]);
    } else {
      labels[key] = pattern;
    }
  }
  if (Object.keys(labels).length > 0) matcher.labels = labels;
  return matcher;
}

function controlsByKubescapeId(catalog: ExceptionCatalog, id: string): string[] {
  const wanted = id.toUpperCase();
  return catalog.controls
    .filter(
      (control) =>
        control.id === id ||
        control.aliases.kubescape?.some((alias) => alias.toUpperCase() === wanted),
    )
    .map((control) => control.id);
}

function frameworkControls(
  catalog: ExceptionCatalog,
  name: string,
): Set<string> | 'all' | undefined {
  const mapped = FRAMEWORK_NAMES[name.toLowerCase()] ?? name;
  if (mapped === '*') return 'all';
  const framework = catalog.frameworks.find((candidate) => candidate.id === mapped);
  return framework === undefined ? undefined : new Set(frameworkControlIds(framework));
}

type PolicyCriteria = Pick<ExceptionRule, 'controls' | 'frameworkControls'>;

/** One posture policy entry as cubecape criteria, or why it has no cubecape equivalent. */
function policyCriteria(
  context: Context,
  value: unknown,
  path: JsonPath,
): PolicyCriteria | { readonly dropped: string } {
  if (!isRecord(value)) return context.reader.fail(path, 'expected a posture policy mapping');
  const drop = (why: string) => ({ dropped: why });
  if (value['ruleName'] !== undefined)
    return drop('rule-level exceptions (ruleName) have no cubecape equivalent');
  const controlId = value['controlID'] ?? value['controlName'];
  const frameworkName = value['frameworkName'];
  if (controlId === undefined && frameworkName === undefined)
    return drop('it names no controlID, controlName or frameworkName');
  let criteria: PolicyCriteria = {};
  if (controlId !== undefined) {
    const label = context.reader.string(controlId, [
      ...path,
      value['controlID'] === undefined ? 'controlName' : 'controlID',
    ]);
    const ids = controlsByKubescapeId(context.catalog, label);
    if (ids.length === 0)
      return drop(`Kubescape control ${JSON.stringify(label)} has no cubecape equivalent`);
    criteria = { controls: new Set(ids) };
  }
  if (frameworkName !== undefined) {
    const label = context.reader.string(frameworkName, [...path, 'frameworkName']);
    const controls = frameworkControls(context.catalog, label);
    if (controls === undefined)
      return drop(`Kubescape framework ${JSON.stringify(label)} has no cubecape equivalent`);
    if (controls !== 'all') criteria = { ...criteria, frameworkControls: controls };
  }
  return criteria;
}

/** One posture policy entry as criteria, or undefined with a warning when it cannot map. */
function readPosturePolicy(
  context: Context,
  value: unknown,
  path: JsonPath,
  name: string,
): PolicyCriteria | undefined {
  const criteria = policyCriteria(context, value, path);
  if (!('dropped' in criteria)) return criteria;
  warn(context, path, `exception "${name}": ${criteria.dropped}; this posture policy is ignored`);
  return undefined;
}

function nonEmptyList(
  reader: DocumentReader,
  value: unknown,
  path: JsonPath,
  what: string,
): readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0)
    reader.fail(path, `expected a list of at least one ${what}`);
  return value as readonly unknown[];
}

function readPolicy(context: Context, value: unknown, path: JsonPath): ExceptionRule[] {
  const { reader } = context;
  if (!isRecord(value)) return reader.fail(path, 'expected a Kubescape exception mapping');
  const name = reader.string(value['name'], [...path, 'name']);
  if (value['policyType'] !== KUBESCAPE_POLICY_TYPE) {
    reader.fail([...path, 'policyType'], `expected policyType "${KUBESCAPE_POLICY_TYPE}"`);
  }
  const actions =
    value['actions'] === undefined
      ? ['alertOnly']
      : reader.strings(value['actions'], [...path, 'actions']);
  if (!actions.includes('alertOnly')) {
    warn(
      context,
      [...path, 'actions'],
      `exception "${name}": only the "alertOnly" action is supported; not applied`,
    );
    return [];
  }
  const designators = nonEmptyList(
    reader,
    value['resources'],
    [...path, 'resources'],
    'resource designator',
  );
  const posturePolicies = nonEmptyList(
    reader,
    value['posturePolicies'],
    [...path, 'posturePolicies'],
    'posture policy',
  );
  const resources = designators
    .map((item, index) => readDesignator(context, item, [...path, 'resources', index], name))
    .filter((item) => item !== undefined);
  const policies = posturePolicies
    .map((item, index) =>
      readPosturePolicy(context, item, [...path, 'posturePolicies', index], name),
    )
    .filter((item) => item !== undefined);
  if (resources.length === 0 || policies.length === 0) return [];
  const reason =
    typeof value['reason'] === 'string' && value['reason'].trim() !== ''
      ? value['reason']
      : `imported from Kubescape exception "${name}", which gives no reason`;
  const owner =
    typeof value['createdBy'] === 'string' && value['createdBy'] !== ''
      ? value['createdBy']
      : undefined;
  const exception: ReportException = { name, reason, ...(owner === undefined ? {} : { owner }) };
  const source = {
    format: 'kubescape' as const,
    file: reader.file,
    line: reader.lineOf([...path, 'name']),
  };
  return policies.map((criteria) => ({ exception, ...criteria, resources, source }));
}

/**
 * Reads a Kubescape exceptions document (a JSON array of `postureExceptionPolicy` objects, or
 * one such object). Kubescape control ids map to cubecape controls through `aliases.kubescape`;
 * what has no equivalent is dropped with an `EXCEPTION_NOT_APPLIED` warning, never widened.
 * Fields cubecape does not use (guid, creationTime, …) are ignored, so exported files import as
 * they are.
 */
export function readKubescapeExceptions(
  reader: DocumentReader,
  value: unknown,
  catalog: ExceptionCatalog,
): { rules: ExceptionRule[]; warnings: IngestIssue[] } {
  const context: Context = { reader, catalog, warnings: [] };
  const items: unknown[] = Array.isArray(value) ? value : [value];
  const rules = items.flatMap((item, index) =>
    readPolicy(context, item, Array.isArray(value) ? [index] : []),
  );
  return { rules, warnings: context.warnings };
}
