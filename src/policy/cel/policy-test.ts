import {
  groupOf,
  identityOf,
  isRecord,
  type KubeObject,
  type Resource,
} from '../../model/resource.js';
import { evaluateVap } from './vap-evaluate.js';
import { loadCelPolicies } from './vap-load.js';

export type ExpectedResult = 'pass' | 'fail' | 'skip';

/** A disagreement between a PolicyTest's expectation and what the policy did. */
export interface PolicyTestMismatch {
  readonly policy: string;
  readonly resource: string;
  readonly expected: ExpectedResult | undefined;
  readonly actual: ExpectedResult | undefined;
  readonly message: string;
}

const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

function toResource(object: KubeObject): Resource | undefined {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  const { apiVersion, kind } = object;
  const name = metadata['name'];
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string') {
    return undefined;
  }
  const namespace = typeof metadata['namespace'] === 'string' ? metadata['namespace'] : undefined;
  const group = groupOf(apiVersion);
  return {
    id: identityOf(group, kind, namespace, name),
    apiVersion,
    group,
    kind,
    name,
    namespace,
    object,
  };
}

const label = (r: { kind?: unknown; namespace?: unknown; name?: unknown }): string =>
  [r.kind, r.namespace, r.name].filter((p) => typeof p === 'string' && p !== '').join('/');

/**
 * Runs a `cubecape.io/v1alpha1 PolicyTest` (lists of policy, resource and param files plus
 * expected results). `files` maps each listed path to its parsed documents; a listed file that
 * is missing is reported as a mismatch. Pure: the caller reads the files.
 */
export function runPolicyTest(
  test: KubeObject,
  files: ReadonlyMap<string, readonly KubeObject[]>,
): PolicyTestMismatch[] {
  const mismatches: PolicyTestMismatch[] = [];
  const docsOf = (paths: string[]): { object: Record<string, unknown>; file: string }[] =>
    paths.flatMap((file) => {
      const docs = files.get(file);
      if (docs === undefined) {
        mismatches.push({
          policy: '',
          resource: '',
          expected: undefined,
          actual: undefined,
          message: `file ${file} not found`,
        });
      }
      return (docs ?? []).map((object) => ({ object: { ...object }, file }));
    });
  const resourceDocs = docsOf(strs(test['resources']));
  const loaded = loadCelPolicies([
    ...docsOf(strs(test['policies'])),
    ...docsOf(strs(test['params'])),
    ...resourceDocs,
  ]);
  for (const problem of loaded.problems) {
    mismatches.push({
      policy: problem.name,
      resource: '',
      expected: undefined,
      actual: undefined,
      message: `${problem.file}: ${problem.message}`,
    });
  }
  const resources = resourceDocs.flatMap(({ object }) => toResource(object) ?? []);
  const ctx = { objects: loaded.objects, namespaceObject: (n: string) => loaded.namespaces.get(n) };
  for (const expected of Array.isArray(test['results']) ? test['results'] : []) {
    if (!isRecord(expected)) continue;
    const want = expected['result'];
    const policyName = expected['policy'];
    const target = isRecord(expected['resource']) ? expected['resource'] : {};
    const where = { policy: String(policyName), resource: label(target) };
    const policy = loaded.policies.find((p) => p.name === policyName);
    const resource = resources.find(
      (r) =>
        r.kind === target['kind'] &&
        r.name === target['name'] &&
        (r.namespace ?? '') === (target['namespace'] ?? ''),
    );
    if (want !== 'pass' && want !== 'fail' && want !== 'skip') {
      mismatches.push({
        ...where,
        expected: undefined,
        actual: undefined,
        message: 'result must be pass, fail or skip',
      });
      continue;
    }
    if (policy === undefined || resource === undefined) {
      const missing = policy === undefined ? 'policy' : 'resource';
      mismatches.push({
        ...where,
        expected: want,
        actual: undefined,
        message: `${missing} not found`,
      });
      continue;
    }
    const results = evaluateVap(policy, loaded.bindings, resource, ctx);
    const actual = results.some((r) => r.status === 'fail')
      ? 'fail'
      : results.some((r) => r.status === 'pass')
        ? 'pass'
        : 'skip';
    if (actual !== want) {
      const why = results.flatMap((r) => r.violations.map((v) => v.message)).join('; ');
      mismatches.push({
        ...where,
        expected: want,
        actual,
        message: why === '' ? `expected ${want}, got ${actual}` : why,
      });
    }
  }
  return mismatches;
}
