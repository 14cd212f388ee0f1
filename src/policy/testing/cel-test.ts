import { isRecord, type Resource } from '../../model/resource.js';
import { evaluateVap } from '../cel/vap-evaluate.js';
import { loadCelPolicies, type LoadedCelPolicies } from '../cel/vap-load.js';
import { besideTest, lineOf, objectsOf, stringsOf, toResource } from './resources.js';
import type { ActualResult, Comparison, ReadTestFile, TestDocument, TestRun } from './types.js';

/** apiVersion and kind of cubecape's test format for ValidatingAdmissionPolicies. */
export const POLICY_TEST_API_VERSION = 'cubecape.io/v1alpha1';
export const POLICY_TEST_KIND = 'PolicyTest';

/** True for a `cubecape.io/v1alpha1 PolicyTest` document. */
export function isCelPolicyTest(value: unknown): value is Record<string, unknown> {
  return (
    isRecord(value) &&
    value.apiVersion === POLICY_TEST_API_VERSION &&
    value.kind === POLICY_TEST_KIND
  );
}

const label = (target: Record<string, unknown>): string =>
  [target.namespace, target.name]
    .filter((part) => typeof part === 'string' && part !== '')
    .join('/');

function findResource(
  resources: readonly Resource[],
  target: Record<string, unknown>,
): Resource | undefined {
  return resources.find(
    (r) =>
      r.kind === target.kind &&
      r.name === target.name &&
      (r.namespace ?? '') === (typeof target.namespace === 'string' ? target.namespace : ''),
  );
}

/** The policy's verdict over all its bindings: any failure fails, else any pass passes. */
function verdict(
  loaded: LoadedCelPolicies,
  policyName: unknown,
  resource: Resource | undefined,
): { actual: ActualResult; message: string; policyFile?: string } {
  const policy = loaded.policies.find((p) => p.name === policyName);
  if (policy === undefined) {
    const problem = loaded.problems.find((p) => p.name === policyName);
    const why = problem === undefined ? 'no such policy in the test' : problem.message;
    return { actual: 'missing', message: why, ...(problem ? { policyFile: problem.file } : {}) };
  }
  if (resource === undefined)
    return { actual: 'missing', message: 'no such resource in the test', policyFile: policy.file };
  const ctx = {
    objects: loaded.objects,
    namespaceObject: (name: string) => loaded.namespaces.get(name),
  };
  const results = evaluateVap(policy, loaded.bindings, resource, ctx);
  const failed = results.filter((r) => r.status === 'fail');
  const actual =
    failed.length > 0 ? 'fail' : results.some((r) => r.status === 'pass') ? 'pass' : 'skip';
  const message =
    failed.flatMap((r) => r.violations.map((v) => v.message)).join('; ') ||
    (results.find((r) => r.reason !== undefined)?.reason ?? '');
  return { actual, message, policyFile: policy.file };
}

/**
 * Runs a `cubecape.io/v1alpha1 PolicyTest`: `policies`, `params` and `resources` list files
 * (relative to the test file); `results` list `{ policy, resource: { kind, namespace?, name },
 * result: pass|fail|skip }`.
 */
export async function runCelTest(
  file: string,
  doc: TestDocument & { readonly value: Record<string, unknown> },
  read: ReadTestFile,
): Promise<TestRun> {
  const test = doc.value;
  const at = (path: string) => besideTest(file, path);
  const readAll = (field: unknown) => Promise.all(stringsOf(field).map((p) => read(at(p))));
  const resourceDocs = objectsOf(await readAll(test.resources));
  const loaded = loadCelPolicies([
    ...objectsOf(await readAll(test.policies)),
    ...objectsOf(await readAll(test.params)),
    ...resourceDocs,
  ]);
  const resources = resourceDocs.flatMap((d) => toResource(d.object, d.file) ?? []);
  const metadata = isRecord(test.metadata) ? test.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : file;
  const comparisons: Comparison[] = [];
  const expectations = Array.isArray(test.results) ? test.results : [];
  for (const [index, expectation] of expectations.entries()) {
    if (!isRecord(expectation)) continue;
    const target = isRecord(expectation.resource) ? expectation.resource : {};
    const found = verdict(loaded, expectation.policy, findResource(resources, target));
    comparisons.push({
      testFile: file,
      test: name,
      policy: String(expectation.policy),
      policyFile: found.policyFile,
      rule: '',
      kind: typeof target.kind === 'string' ? target.kind : undefined,
      resource: label(target),
      expected: String(expectation.result),
      actual: found.actual,
      message: found.message,
      line: lineOf(doc, ['results', index]),
    });
  }
  return { testFile: file, test: name, format: 'cubecape', comparisons };
}
