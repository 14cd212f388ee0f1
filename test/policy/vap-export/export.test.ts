import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { builtinControls } from '../../../src/controls/index.js';
import { evaluateVap } from '../../../src/policy/cel/vap-evaluate.js';
import { loadCelPolicies } from '../../../src/policy/cel/vap-load.js';
import { EXPORT_RULES } from '../../../src/policy/vap-export/table.js';
import { notExportableReason } from '../../../src/policy/vap-export/reasons.js';
import { runCli } from '../../cli/run-cli.js';
import { makeResource, podWith } from '../../model/make-resource.js';

type Doc = Record<string, unknown> & { spec: Record<string, unknown> };

function documents(text: string): Doc[] {
  return parseAllDocuments(text).map((doc) => {
    assert.deepEqual(doc.errors, []);
    return doc.toJS() as Doc;
  });
}

const WORKLOAD_RESOURCES = [
  'pods',
  'replicationcontrollers',
  'podtemplates',
  'deployments',
  'replicasets',
  'statefulsets',
  'daemonsets',
  'jobs',
  'cronjobs',
];

describe('cubecape vap export', () => {
  it('exports every exportable control as a policy and a Deny binding', async () => {
    const run = await runCli(['vap', 'export']);
    assert.equal(run.code, 0, run.stderr);
    const docs = documents(run.stdout);
    const policies = docs.filter((d) => d['kind'] === 'ValidatingAdmissionPolicy');
    const bindings = docs.filter((d) => d['kind'] === 'ValidatingAdmissionPolicyBinding');
    assert.equal(policies.length, Object.keys(EXPORT_RULES).length);
    assert.equal(bindings.length, policies.length);
    for (const doc of docs) assert.equal(doc['apiVersion'], 'admissionregistration.k8s.io/v1');
    for (const policy of policies) {
      assert.equal(policy.spec['failurePolicy'], 'Fail');
      const constraints = policy.spec['matchConstraints'] as { resourceRules: Doc[] };
      const rules = constraints.resourceRules as unknown as {
        apiGroups: string[];
        apiVersions: string[];
        operations: string[];
        resources: string[];
      }[];
      const resources = rules.flatMap((r) => r.resources);
      assert.ok(resources.includes('pods'));
      assert.ok(
        resources.every((r) => WORKLOAD_RESOURCES.includes(r)),
        resources.join(),
      );
      for (const rule of rules) {
        assert.deepEqual(rule.operations, ['CREATE', 'UPDATE']);
        assert.deepEqual(rule.apiVersions, ['v1']);
      }
      const validations = policy.spec['validations'] as unknown[];
      assert.equal(validations.length, 1);
    }
    for (const binding of bindings) {
      assert.deepEqual(binding.spec['validationActions'], ['Deny']);
      const name = (binding['metadata'] as { name: string }).name;
      assert.equal(binding.spec['policyName'], name);
    }
    const loaded = loadCelPolicies(docs.map((object) => ({ object, file: 'out.yaml' })));
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.policies.length, policies.length);
  });

  it('probe controls do not match Jobs and CronJobs', async () => {
    const run = await runCli(['vap', 'export', '--control', 'liveness-probe']);
    assert.equal(run.code, 0, run.stderr);
    const text = run.stdout;
    assert.doesNotMatch(text, /\bjobs\b|cronjobs/);
    assert.match(text, /deployments/);
  });

  it('--action Warn and -o write Warn bindings to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cubecape-vap-'));
    try {
      const file = join(dir, 'vap.yaml');
      const run = await runCli([
        'vap',
        'export',
        '--control',
        'privileged-container',
        'host-ports',
        '--action',
        'Warn',
        '-o',
        file,
      ]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, '');
      const docs = documents(await readFile(file, 'utf8'));
      assert.equal(docs.length, 4);
      const bindings = docs.filter((d) => d['kind'] === 'ValidatingAdmissionPolicyBinding');
      for (const b of bindings) assert.deepEqual(b.spec['validationActions'], ['Warn']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('the exported policy denies a privileged pod and admits a plain one', async () => {
    const run = await runCli(['vap', 'export', '--control', 'privileged-container']);
    const docs = documents(run.stdout).map((object) => ({ object, file: 'out.yaml' }));
    const loaded = loadCelPolicies(docs);
    const policy = loaded.policies[0];
    assert.ok(policy !== undefined);
    const ctx = { objects: [], namespaceObject: () => undefined };
    const bad = makeResource(podWith({ name: 'web', securityContext: { privileged: true } }));
    const [denied] = evaluateVap(policy, loaded.bindings, bad, ctx);
    assert.equal(denied?.status, 'fail');
    assert.deepEqual(denied.actions, ['Deny']);
    assert.match(denied.violations[0]?.message ?? '', /Containers: web$/);
    const [admitted] = evaluateVap(policy, loaded.bindings, makeResource(podWith({})), ctx);
    assert.equal(admitted?.status, 'pass');
  });

  it('--framework exports the members that can be expressed and says how many cannot', async () => {
    const run = await runCli(['vap', 'export', '--framework', 'nsa-cisa']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /cannot be expressed in CEL/);
    assert.ok(documents(run.stdout).length > 0);
  });

  const refused: [string, string[]][] = [
    ['an unknown control', ['--control', 'no-such-control']],
    ['a control CEL cannot express', ['--control', 'automount-service-account-token']],
    ['an unknown framework', ['--framework', 'nope']],
    ['an unknown action', ['--action', 'Block']],
  ];
  for (const [what, args] of refused) {
    it(`refuses ${what} with exit 2`, async () => {
      const run = await runCli(['vap', 'export', ...args]);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
    });
  }

  it('every control has an export or a reason', () => {
    for (const control of builtinControls) {
      const reason = notExportableReason(control);
      assert.equal(reason === undefined, Object.hasOwn(EXPORT_RULES, control.id), control.id);
    }
  });
});
