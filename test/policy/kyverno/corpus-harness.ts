// Runs the Kyverno CLI tests (`cli.kyverno.io/v1alpha1 Test`) of the kyverno/policies corpus
// through cubecape's evaluator and compares every expected result.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { groupOf, identityOf, isRecord, type Resource } from '../../../src/model/resource.js';
import {
  evaluateKyverno,
  loadKyvernoPolicies,
  parseKyvernoValues,
  type KyvernoPolicy,
  type KyvernoValues,
} from '../../../src/policy/kyverno/index.js';

export interface Comparison {
  readonly test: string;
  readonly category: string;
  readonly policy: string;
  readonly rule: string;
  readonly resource: string;
  readonly expected: string;
  readonly actual: string;
  readonly message: string;
}

export interface CorpusRun {
  readonly comparisons: Comparison[];
  /** Tests left out, with why (not validate-only, unreadable…). */
  readonly excluded: { readonly test: string; readonly reason: string }[];
}

function readDocs(file: string): Record<string, unknown>[] {
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  return list.map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown).filter(isRecord);
}

function toResource(object: Record<string, unknown>, file: string): Resource | undefined {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const group = groupOf(apiVersion);
  return {
    id: `${identityOf(group, kind, namespace, name)}@${file}`,
    apiVersion,
    group,
    kind,
    name,
    namespace,
    object,
  };
}

function findTests(root: string, out: string[] = []): string[] {
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) findTests(path, out);
    else if (entry.name === 'kyverno-test.yaml') out.push(path);
  }
  return out;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function validateOnly(policies: readonly KyvernoPolicy[], docs: number): string | undefined {
  if (policies.length === 0 || policies.length !== docs)
    return 'policies are not kyverno.io ClusterPolicy/Policy';
  for (const policy of policies) {
    for (const rule of policy.rules) {
      if (rule.type !== 'validate') return `has ${rule.type} rules`;
      if (isRecord(rule.raw.validate) && rule.raw.validate.cel !== undefined)
        return 'has validate.cel rules';
    }
  }
  return undefined;
}

const stripAutogen = (rule: string): string => rule.replace(/^autogen-(cronjob-)?/, '');

interface Loaded {
  readonly policies: KyvernoPolicy[];
  readonly resources: Resource[];
  readonly values: KyvernoValues;
}

function loadTest(file: string, test: Record<string, unknown>): Loaded | string {
  const dir = dirname(file);
  const policyDocs = strings(test.policies).flatMap((p) =>
    readDocs(resolve(dir, p)).map((object) => ({ object, file: p })),
  );
  const { policies } = loadKyvernoPolicies(policyDocs);
  const reason = validateOnly(policies, policyDocs.length);
  if (reason !== undefined) return reason;
  const resources = strings(test.resources).flatMap((r) =>
    readDocs(resolve(dir, r)).flatMap((object) => toResource(object, r) ?? []),
  );
  const valuesFile = typeof test.variables === 'string' ? resolve(dir, test.variables) : undefined;
  const values =
    valuesFile !== undefined && existsSync(valuesFile)
      ? parseKyvernoValues(readDocs(valuesFile)[0])
      : {};
  return { policies, resources, values };
}

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

function compareTest(file: string, root: string, run: CorpusRun): void {
  const name = relative(root, dirname(dirname(file)));
  const test = readDocs(file)[0];
  if (test === undefined) return void run.excluded.push({ test: name, reason: 'unreadable test' });
  const loaded = loadTest(file, test);
  if (typeof loaded === 'string') return void run.excluded.push({ test: name, reason: loaded });
  const ctx = { values: loaded.values, namespaceLabels: namespaceLabels(loaded.resources) };
  for (const expectation of Array.isArray(test.results) ? test.results.filter(isRecord) : []) {
    const policyName =
      (typeof expectation.policy === 'string' ? expectation.policy : '').split('/').pop() ?? '';
    const policy = loaded.policies.find((p) => p.name === policyName);
    const rule = stripAutogen(typeof expectation.rule === 'string' ? expectation.rule : '');
    for (const resourceName of strings(expectation.resources ?? expectation.resource)) {
      const [namespace, bare] = resourceName.includes('/')
        ? resourceName.split('/')
        : [undefined, resourceName];
      const resource = loaded.resources.find(
        (r) =>
          r.name === bare &&
          (expectation.kind === undefined || r.kind === expectation.kind) &&
          (namespace === undefined || (r.namespace ?? 'default') === namespace),
      );
      let actual = 'missing';
      let message = '';
      if (policy !== undefined && !policy.rules.some((r) => r.name === rule)) {
        actual = 'no-such-rule';
      } else if (policy !== undefined && resource !== undefined) {
        const result = evaluateKyverno(policy, resource, ctx).find((r) => r.rule === rule);
        actual = result?.result ?? 'skip';
        message = result?.message ?? 'rule does not match';
      }
      run.comparisons.push({
        test: name,
        category: name.split('/')[0] ?? name,
        policy: policyName,
        rule,
        resource: resourceName,
        expected: String(expectation.result),
        actual,
        message,
      });
    }
  }
}

/** Runs every test of the corpus at `root`. */
export function runCorpus(root: string): CorpusRun {
  const run: CorpusRun = { comparisons: [], excluded: [] };
  for (const file of findTests(root).sort()) compareTest(file, root, run);
  return run;
}
