import { isRecord, type KubeObject, type Resource } from '../../model/resource.js';
import {
  evaluateKyverno,
  loadKyvernoPolicies,
  loadValidatingPolicies,
  parseKyvernoValues,
  type KyvernoPolicy,
  type KyvernoValues,
  type ValidatingPolicy,
} from '../kyverno/index.js';
import {
  validatingPolicyVerdict,
  vpolTestInputs,
  type VpolTestData,
} from './validating-policy-test.js';
import { besideTest, lineOf, objectsOf, stringsOf, toResource } from './resources.js';
import type { ActualResult, Comparison, ReadTestFile, TestDocument, TestRun } from './types.js';

/** True for a Kyverno CLI test document (`cli.kyverno.io/v1alpha1 Test`, or the older unversioned form). */
export function isKyvernoTest(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  if (value.apiVersion === 'cli.kyverno.io/v1alpha1') return value.kind === 'Test';
  // Before v1alpha1 a test file was a bare document with policies, resources and results.
  return (
    value.apiVersion === undefined &&
    value.kind === undefined &&
    Array.isArray(value.policies) &&
    Array.isArray(value.results)
  );
}

/** Kyverno policy kinds cubecape does not evaluate, for the reason it gives. */
const OTHER_POLICY_KINDS: readonly string[] = [
  'MutatingPolicy',
  'GeneratingPolicy',
  'DeletingPolicy',
  'ImageValidatingPolicy',
  'NamespacedMutatingPolicy',
  'NamespacedGeneratingPolicy',
  'NamespacedDeletingPolicy',
  'NamespacedImageValidatingPolicy',
];

/**
 * Why a test is not evaluated, or undefined when every policy is a validate-only Kyverno
 * policy or a ValidatingPolicy.
 */
function notCheckedReason(
  policies: readonly KyvernoPolicy[],
  vpols: readonly ValidatingPolicy[],
  docs: readonly Record<string, unknown>[],
): string | undefined {
  const other = docs.find((d) => typeof d.kind === 'string' && OTHER_POLICY_KINDS.includes(d.kind));
  if (other !== undefined) return `has ${String(other.kind)} policies`;
  const loaded = policies.length + vpols.length;
  if (loaded === 0 || loaded !== docs.length)
    return 'policies are not kyverno.io ClusterPolicy/Policy or ValidatingPolicy';
  for (const policy of policies) {
    for (const rule of policy.rules) {
      if (rule.type !== 'validate') return `has ${rule.type} rules`;
    }
  }
  return undefined;
}

/** Kyverno CLI tests name auto-generated rules; cubecape reports them under the Pod rule. */
const stripAutogen = (rule: string): string => rule.replace(/^autogen-(cronjob-)?/, '');

function namespaceLabels(resources: readonly Resource[]) {
  return (namespace: string): Readonly<Record<string, string>> | undefined => {
    const found = resources.find((r) => r.kind === 'Namespace' && r.name === namespace);
    const metadata =
      found !== undefined && isRecord(found.object.metadata) ? found.object.metadata : undefined;
    if (metadata === undefined) return undefined;
    const labels = isRecord(metadata.labels) ? metadata.labels : {};
    return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
  };
}

interface Loaded {
  readonly policies: KyvernoPolicy[];
  readonly vpols: ValidatingPolicy[];
  readonly contextObjects: readonly KubeObject[];
  readonly namespaceObjects: readonly KubeObject[];
  readonly userInfo: VpolTestData['userInfo'];
  readonly resources: Resource[];
  readonly values: KyvernoValues;
  readonly notChecked: string | undefined;
}

async function loadTest(
  file: string,
  test: Record<string, unknown>,
  read: ReadTestFile,
): Promise<Loaded> {
  const at = (path: string) => besideTest(file, path);
  const policyFiles = await Promise.all(stringsOf(test.policies).map((p) => read(at(p))));
  const policyDocs = objectsOf(policyFiles);
  const { policies } = loadKyvernoPolicies(policyDocs);
  const vpols = loadValidatingPolicies(policyDocs).policies;
  const resourceFiles = await Promise.all(stringsOf(test.resources).map((r) => read(at(r))));
  const resources = objectsOf(resourceFiles).flatMap((d) => toResource(d.object, d.file) ?? []);
  let values: KyvernoValues = isRecord(test.values) ? parseKyvernoValues(test.values) : {};
  if (typeof test.variables === 'string') {
    const variables = await read(at(test.variables));
    values = parseKyvernoValues(variables.documents[0]?.value);
  }
  const notChecked = notCheckedReason(
    policies,
    vpols,
    policyDocs.map((d) => d.object),
  );
  const inputs =
    vpols.length === 0
      ? { contextObjects: [], namespaceObjects: [], userInfo: undefined }
      : await vpolTestInputs(test, at, read);
  return { policies, vpols, ...inputs, resources, values, notChecked };
}

function findResource(
  resources: readonly Resource[],
  reference: string,
  kind: unknown,
): Resource | undefined {
  const [namespace, bare] = reference.includes('/') ? reference.split('/') : [undefined, reference];
  return resources.find(
    (r) =>
      r.name === bare &&
      (kind === undefined || r.kind === kind) &&
      (namespace === undefined || (r.namespace ?? 'default') === namespace),
  );
}

/** Kyverno reports failures of policies marked unscored as warnings. */
function asKyvernoReports(result: ActualResult, policy: KyvernoPolicy): ActualResult {
  const unscored = policy.annotations['policies.kyverno.io/scored'] === 'false';
  return result === 'fail' && unscored ? 'warn' : result;
}

function verdict(
  policy: KyvernoPolicy | undefined,
  resource: Resource | undefined,
  rule: string,
  loaded: Loaded,
): { actual: ActualResult; message: string } {
  if (policy === undefined) return { actual: 'missing', message: 'no such policy in the test' };
  if (!policy.rules.some((r) => r.name === rule))
    return { actual: 'no-such-rule', message: `policy ${policy.name} has no rule ${rule}` };
  if (resource === undefined) return { actual: 'missing', message: 'no such resource in the test' };
  const ctx = {
    values: loaded.values,
    namespaceLabels: namespaceLabels(loaded.resources),
    // Like Kyverno's CLI, CEL rules see their namespace by name only, and params among the resources.
    paramObjects: (apiVersion: string, kind: string) =>
      loaded.resources
        .filter((r) => r.apiVersion === apiVersion && r.kind === kind)
        .map((r) => r.object),
  };
  const result = evaluateKyverno(policy, resource, ctx).find((r) => r.rule === rule);
  if (result === undefined) return { actual: 'skip', message: 'rule does not match' };
  return { actual: asKyvernoReports(result.result, policy), message: result.message };
}

/**
 * Runs one Kyverno CLI test: reads the policies, resources and values it names (relative to the
 * test file) and compares every expected result with cubecape's verdict. Tests whose policies
 * are not validate-only Kyverno policies come back with `notChecked` and no verdicts.
 */
export async function runKyvernoTest(
  file: string,
  doc: TestDocument & { readonly value: Record<string, unknown> },
  read: ReadTestFile,
): Promise<TestRun> {
  const test = doc.value;
  const metadata = isRecord(test.metadata) ? test.metadata : {};
  const nameField = metadata.name ?? test.name;
  const name = typeof nameField === 'string' ? nameField : file;
  const loaded = await loadTest(file, test, read);
  const comparisons: Comparison[] = [];
  const expectations = Array.isArray(test.results) ? test.results : [];
  for (const [index, expectation] of expectations.entries()) {
    if (!isRecord(expectation)) continue;
    const policyRef = typeof expectation.policy === 'string' ? expectation.policy : '';
    const policyName = policyRef.split('/').pop() ?? '';
    const policy = loaded.policies.find((p) => p.name === policyName);
    const vpol = loaded.vpols.find((p) => p.name === policyName);
    const rule = stripAutogen(typeof expectation.rule === 'string' ? expectation.rule : '');
    const expected = String(expectation.result ?? expectation.status);
    const kind = typeof expectation.kind === 'string' ? expectation.kind : undefined;
    for (const reference of stringsOf(expectation.resources ?? expectation.resource)) {
      const resource = findResource(loaded.resources, reference, kind);
      const { actual, message } =
        loaded.notChecked !== undefined
          ? { actual: 'not-checked' as const, message: loaded.notChecked }
          : vpol !== undefined && policy === undefined
            ? validatingPolicyVerdict(vpol, resource, loaded)
            : verdict(policy, resource, rule, loaded);
      comparisons.push({
        testFile: file,
        test: name,
        policy: policyName,
        policyFile: policy?.file ?? vpol?.file,
        policyKind: policy?.kind ?? vpol?.kind,
        rule,
        kind,
        resource: reference,
        expected,
        actual,
        message,
        line: lineOf(doc, ['results', index]),
      });
    }
  }
  return {
    testFile: file,
    test: name,
    format: 'kyverno',
    comparisons,
    ...(loaded.notChecked === undefined ? {} : { notChecked: loaded.notChecked }),
  };
}
