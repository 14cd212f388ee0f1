// The test runner on in-memory files: values files, namespaced policies, unscored policies (warn),
// missing policies/resources/rules, and unreadable files.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CubecapeError } from '../../../src/core/errors.js';
import {
  parseTestFile,
  runTestFile,
  summarize,
  type ReadTestFile,
} from '../../../src/policy/testing/index.js';

function reader(files: Record<string, string>): ReadTestFile {
  return (path) => {
    const text = files[path];
    if (text === undefined)
      return Promise.reject(new CubecapeError('FILE_UNREADABLE', 'file not found', { file: path }));
    return Promise.resolve(parseTestFile(text, path));
  };
}

const POLICY = (annotations: string) => `apiVersion: kyverno.io/v1
kind: Policy
metadata:
  name: env-label
  namespace: team
  annotations: {${annotations}}
spec:
  rules:
    - name: env
      match: { any: [{ resources: { kinds: [ConfigMap] } }] }
      context:
        - name: wanted
          apiCall: { urlPath: /api/v1/namespaces }
      validate:
        message: env must be {{ wanted }}
        deny:
          conditions:
            any:
              - key: "{{ request.object.metadata.labels.env || '' }}"
                operator: NotEquals
                value: "{{ wanted }}"
`;

const RESOURCES = `apiVersion: v1
kind: ConfigMap
metadata: { name: a, namespace: team, labels: { env: prod } }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: b, namespace: team, labels: { env: dev } }
`;

const VALUES = `apiVersion: cli.kyverno.io/v1alpha1
kind: Values
policies:
  - name: env-label
    rules:
      - name: env
        values: { wanted: prod }
`;

const TEST = (results: string) => `apiVersion: cli.kyverno.io/v1alpha1
kind: Test
metadata: { name: t }
policies: [p.yaml]
resources: [r.yaml]
variables: v.yaml
results:
${results}`;

const EXPECT = `  - { policy: team/env-label, rule: env, resources: [team/a], kind: ConfigMap, result: pass }
  - { policy: team/env-label, rule: env, resources: [b], kind: ConfigMap, result: fail }
`;

describe('policy test runner', () => {
  test('context values come from the variables file; namespaced policy references resolve', async () => {
    const read = reader({
      'p.yaml': POLICY(''),
      'r.yaml': RESOURCES,
      'v.yaml': VALUES,
      't.yaml': TEST(EXPECT),
    });
    const runs = await runTestFile('t.yaml', read);
    const got = runs[0]?.comparisons.map((c) => `${c.resource}:${c.actual}:${String(c.line)}`);
    assert.deepEqual(got, ['team/a:pass:8', 'b:fail:9']);
    assert.deepEqual(summarize(runs), {
      tests: 1,
      results: 2,
      passed: 2,
      failed: 0,
      notChecked: 0,
      errors: 0,
    });
  });

  test('failures of an unscored policy are warnings', async () => {
    const read = reader({
      'p.yaml': POLICY('policies.kyverno.io/scored: "false"'),
      'r.yaml': RESOURCES,
      'v.yaml': VALUES,
      't.yaml': TEST(EXPECT.replace('result: fail', 'result: warn')),
    });
    const runs = await runTestFile('t.yaml', read);
    assert.equal(summarize(runs).failed, 0);
  });

  test('missing policy, resource and rule are mismatches with their reason', async () => {
    const results = `  - { policy: nope, rule: env, resources: [a], result: pass }
  - { policy: env-label, rule: env, resources: [zzz], result: pass }
  - { policy: env-label, rule: other, resources: [a], result: pass }
`;
    const read = reader({
      'p.yaml': POLICY(''),
      'r.yaml': RESOURCES,
      'v.yaml': VALUES,
      't.yaml': TEST(results),
    });
    const runs = await runTestFile('t.yaml', read);
    assert.deepEqual(
      runs[0]?.comparisons.map((c) => c.actual),
      ['missing', 'missing', 'no-such-rule'],
    );
    assert.equal(summarize(runs).failed, 3);
  });

  test('an unreadable values file makes the test an error, not a pass', async () => {
    const read = reader({ 'p.yaml': POLICY(''), 'r.yaml': RESOURCES, 't.yaml': TEST(EXPECT) });
    const runs = await runTestFile('t.yaml', read);
    const error = runs[0]?.error;
    assert.equal(error?.code, 'FILE_UNREADABLE');
    assert.equal(error.file, 'v.yaml');
    assert.equal(summarize(runs).errors, 1);
  });

  test('hostile test shapes do not crash', async () => {
    for (const text of [
      '[]',
      'apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\nresults: 5\n',
      'apiVersion: cli.kyverno.io/v1alpha1\nkind: Test\npolicies: [p.yaml]\nresults: [null, 3, {policy: 7}]\n',
    ]) {
      const runs = await runTestFile('t.yaml', reader({ 't.yaml': text, 'p.yaml': POLICY('') }));
      assert.equal(runs.length, 1, text);
    }
  });
});
