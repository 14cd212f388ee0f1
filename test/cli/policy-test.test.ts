// `cubecape policy test`: Kyverno Test files and cubecape PolicyTest files run through the CLI,
// on small fixtures with deliberate mismatches and on a category of the real Kyverno corpus.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/kyverno-policies/', import.meta.url));

const POLICY = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: require-team
spec:
  validationFailureAction: Audit
  rules:
    - name: check-team
      match:
        any:
          - resources:
              kinds: [Pod]
      validate:
        message: "label team is required"
        pattern:
          metadata:
            labels:
              team: "?*"
`;

const RESOURCES = `apiVersion: v1
kind: Pod
metadata: { name: good, labels: { team: a } }
spec: { containers: [{ name: c, image: nginx }] }
---
apiVersion: v1
kind: Pod
metadata: { name: bad }
spec: { containers: [{ name: c, image: nginx }] }
`;

function kyvernoTest(goodResult: string): string {
  return `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata:
  name: require-team
policies:
  - ../policy.yaml
resources:
  - ../resources.yaml
results:
  - policy: require-team
    rule: check-team
    kind: Pod
    resources: [bad]
    result: fail
  - policy: require-team
    rule: check-team
    kind: Pod
    resources: [good]
    result: ${goodResult}
`;
}

const VAP = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: max-replicas }
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: [apps]
        apiVersions: [v1]
        operations: [CREATE, UPDATE]
        resources: [deployments]
  validations:
    - expression: "object.spec.replicas <= 5"
      message: too many replicas
`;

const DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata: { name: small, namespace: prod }
spec: { replicas: 2 }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: big, namespace: prod }
spec: { replicas: 9 }
`;

function celTest(bigResult: string): string {
  return `apiVersion: cubecape.io/v1alpha1
kind: PolicyTest
metadata: { name: replicas }
policies: [vap.yaml]
resources: [deployments.yaml]
results:
  - policy: max-replicas
    resource: { kind: Deployment, namespace: prod, name: small }
    result: pass
  - policy: max-replicas
    resource: { kind: Deployment, namespace: prod, name: big }
    result: ${bigResult}
`;
}

/** Writes files (path → text) under a fresh directory and returns it. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cubecape-policy-test-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('cubecape policy test', () => {
  test('Kyverno test whose expectations all agree exits 0 with a summary', async () => {
    const dir = fixture({
      'policy.yaml': POLICY,
      'resources.yaml': RESOURCES,
      '.kyverno-test/kyverno-test.yaml': kyvernoTest('pass'),
    });
    const run = await runCli(['policy', 'test', dir]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 tests, 2 results, 2 passed, 0 failed/);
  });

  test('a deliberate mismatch exits 1 and names test file, line, policy file, expected and got', async () => {
    const dir = fixture({
      'policy.yaml': POLICY,
      'resources.yaml': RESOURCES,
      '.kyverno-test/kyverno-test.yaml': kyvernoTest('fail'),
    });
    const run = await runCli(['policy', 'test', dir]);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /kyverno-test\.yaml:15: MISMATCH require-team\/check-team on Pod\/good: expected fail, got pass/,
    );
    assert.match(run.stdout, /policy file: .*policy\.yaml/);
    assert.match(run.stdout, /1 passed, 1 failed/);
    assert.match(run.lastStderrLine, /exit 1: 1 of 2 expected results disagree/);
  });

  test('-f json reports every result with its status', async () => {
    const dir = fixture({
      'policy.yaml': POLICY,
      'resources.yaml': RESOURCES,
      '.kyverno-test/kyverno-test.yaml': kyvernoTest('fail'),
    });
    const run = await runCli(['policy', 'test', dir, '-f', 'json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout) as {
      kind: string;
      summary: { tests: number; results: number; passed: number; failed: number };
      tests: { results: { resource: string; status: string; actual: string }[] }[];
    };
    assert.equal(report.kind, 'PolicyTestReport');
    assert.deepEqual(
      [report.summary.tests, report.summary.results, report.summary.passed, report.summary.failed],
      [1, 2, 1, 1],
    );
    const statuses = report.tests[0]?.results.map((r) => `${r.resource}:${r.status}:${r.actual}`);
    assert.deepEqual(statuses, ['bad:agree:fail', 'good:mismatch:pass']);
  });

  test('the older unversioned kyverno-test.yaml form and `status` still run', async () => {
    const old = `name: require-team
policies: [policy.yaml]
resources: [resources.yaml]
results:
  - policy: require-team
    rule: check-team
    resource: bad
    kind: Pod
    status: fail
`;
    const dir = fixture({
      'policy.yaml': POLICY,
      'resources.yaml': RESOURCES,
      'kyverno-test.yaml': old,
    });
    const run = await runCli(['policy', 'test', join(dir, 'kyverno-test.yaml')]);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /1 results, 1 passed/);
  });

  test('cubecape PolicyTest for a ValidatingAdmissionPolicy: agree exits 0, mismatch exits 1', async () => {
    const files = { 'vap.yaml': VAP, 'deployments.yaml': DEPLOYMENTS };
    const good = fixture({ ...files, 'cubecape-test.yaml': celTest('fail') });
    const ok = await runCli(['policy', 'test', good]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /1 tests, 2 results, 2 passed, 0 failed/);
    const bad = fixture({ ...files, 'cubecape-test.yaml': celTest('pass') });
    const wrong = await runCli(['policy', 'test', bad]);
    assert.equal(wrong.code, 1);
    assert.match(
      wrong.stdout,
      /cubecape-test\.yaml:\d+: MISMATCH max-replicas on Deployment\/prod\/big: expected pass, got fail/,
    );
    assert.match(wrong.stdout, /too many replicas/);
  });

  test('a test naming a missing policy file exits 3 and says which file', async () => {
    const dir = fixture({
      'resources.yaml': RESOURCES,
      '.kyverno-test/kyverno-test.yaml': kyvernoTest('pass'),
    });
    const run = await runCli(['policy', 'test', dir]);
    assert.equal(run.code, 3);
    assert.match(
      run.stdout,
      /policy\.yaml: ERROR file not found \(named in .*kyverno-test\.yaml\) \[FILE_UNREADABLE\]/,
    );
    assert.match(run.lastStderrLine, /exit 3: 1 test files could not be read/);
  });

  test('a test file with broken YAML exits 3 with its line', async () => {
    const dir = fixture({ 'kyverno-test.yaml': 'results: [\n  - a: b\n  c\n' });
    const run = await runCli(['policy', 'test', dir]);
    assert.equal(run.code, 3);
    assert.match(run.stdout, /kyverno-test\.yaml:\d+(:\d+)?: ERROR .*\[YAML_SYNTAX\]/);
  });

  test('a directory without test files and a missing path exit 3', async () => {
    const empty = fixture({ 'policy.yaml': POLICY });
    assert.equal((await runCli(['policy', 'test', empty])).code, 3);
    const missing = await runCli(['policy', 'test', join(empty, 'nope')]);
    assert.equal(missing.code, 3);
  });

  test('tests with rules cubecape does not evaluate exit 3 unless --allow-incomplete', async () => {
    const mutate = POLICY.replace(
      /validate:[\s\S]*$/,
      'mutate:\n        patchStrategicMerge:\n          metadata:\n            labels:\n              team: x\n',
    );
    const dir = fixture({
      'policy.yaml': mutate,
      'resources.yaml': RESOURCES,
      '.kyverno-test/kyverno-test.yaml': kyvernoTest('pass'),
    });
    const strict = await runCli(['policy', 'test', dir]);
    assert.equal(strict.code, 3);
    assert.match(strict.stdout, /2 not checked/);
    const allowed = await runCli(['policy', 'test', dir, '--allow-incomplete']);
    assert.equal(allowed.code, 0);
  });

  test('usage errors exit 2', async () => {
    assert.equal((await runCli(['policy', 'test'])).code, 2);
    assert.equal((await runCli(['policy', 'test', '.', '-f', 'xml'])).code, 2);
  });

  test('real corpus: the pod-security/baseline category agrees completely', async () => {
    const run = await runCli([
      'policy',
      'test',
      join(CORPUS, 'pod-security/baseline'),
      '-f',
      'json',
    ]);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { summary: { results: number; failed: number } };
    assert.ok(report.summary.results > 400, `only ${report.summary.results} results`);
    assert.equal(report.summary.failed, 0);
  });
});

describe('cubecape policy validate', () => {
  test('a valid policy exits 0; an invalid one exits 1 with file:line:col', async () => {
    const dir = fixture({ 'policy.yaml': POLICY, 'vap.yaml': VAP });
    const ok = await runCli(['policy', 'validate', dir]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /2 policies, 0 errors, 0 warnings/);
    const bad = fixture({
      'policy.yaml': POLICY.replace('kinds: [Pod]', 'kinds: [Pod]\n              kindz: [x]'),
    });
    const run = await runCli(['policy', 'validate', bad, '-f', 'text']);
    assert.equal(run.code, 1);
    assert.match(
      run.stdout,
      /policy\.yaml:13:15: error: ClusterPolicy\/require-team: unknown field "kindz"/,
    );
    const json = await runCli(['policy', 'validate', bad, '-f', 'json']);
    const report = JSON.parse(json.stdout) as { summary: { errors: number } };
    assert.equal(report.summary.errors, 1);
  });

  test('unreadable files and directories without policies exit 3', async () => {
    const broken = fixture({ 'policy.yaml': 'a: [\n' });
    assert.equal((await runCli(['policy', 'validate', broken])).code, 3);
    const none = fixture({ 'resources.yaml': RESOURCES });
    assert.equal((await runCli(['policy', 'validate', none])).code, 3);
  });
});
