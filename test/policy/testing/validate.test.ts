// `policy validate` checks on parsed policies, with positions from the real YAML parser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseTestFile, validatePolicyFile } from '../../../src/policy/testing/index.js';

const BROKEN_KYVERNO = `apiVersion: kyverno.io/v1
kind: ClusterPolicy
metadata:
  name: broken
spec:
  validationFailureAction: Audit
  rules:
    - name: r1
      match:
        any:
          - resources:
              kinds: [Pod]
              kindz: [x]
      preconditions:
        all:
          - key: "{{ request.object.metadata.name }}"
            operator: Equalz
            value: x
      validate:
        message: "bad {{ request.object.metadata.( }}"
        pattern:
          spec:
            =(hostNetwork: false
            replicas: ">="
    - name: r2
      match:
        any:
          - resources:
              kinds: [Pod]
      mutate:
        patchStrategicMerge: {}
`;

const BROKEN_VAP = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: vap }
spec:
  matchConstraints:
    resourceRules: []
  validations:
    - expression: "object.spec.replicas <="
`;

const lines = (text: string) =>
  validatePolicyFile(parseTestFile(text, 'p.yaml')).problems.map(
    (p) => `${String(p.line)}:${p.severity}:${p.message.split(':')[0] ?? ''}`,
  );

describe('policy validate', () => {
  test('reports every Kyverno problem at once, each at its line', () => {
    const found = lines(BROKEN_KYVERNO);
    assert.ok(
      found.includes(
        '13:error:unknown field "kindz" in match resources; expected one of kinds, names, name, namespaces, annotations, selector, namespaceSelector, operations',
      ),
      found.join('\n'),
    );
    assert.ok(
      found.some((l) => l.startsWith('17:error:unknown operator')),
      found.join('\n'),
    );
    assert.ok(
      found.some((l) => l.startsWith('23:error:malformed anchor')),
      found.join('\n'),
    );
    assert.ok(
      found.some((l) => l.startsWith('24:error:pattern value')),
      found.join('\n'),
    );
    assert.ok(
      found.some((l) => l.startsWith('20:error:invalid JMESPath')),
      found.join('\n'),
    );
    assert.ok(
      found.some((l) => l.startsWith('30:warning:mutate rules')),
      found.join('\n'),
    );
  });

  test('wrong types are errors, not crashes', () => {
    for (const spec of ['spec: 3', 'spec: { rules: 5 }', 'spec: { rules: [null, { name: 7 }] }']) {
      const text = `apiVersion: kyverno.io/v1\nkind: ClusterPolicy\nmetadata: { name: x }\n${spec}\n`;
      const { problems } = validatePolicyFile(parseTestFile(text, 'p.yaml'));
      assert.ok(
        problems.some((p) => p.severity === 'error'),
        spec,
      );
    }
  });

  test('a CEL expression that does not compile is reported at the expression', () => {
    const { problems, policies } = validatePolicyFile(parseTestFile(BROKEN_VAP, 'v.yaml'));
    assert.equal(policies, 1);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.line, 8);
    assert.match(problems[0].message, /at character 24 of the expression/);
    assert.equal(problems[0].severity, 'error');
  });

  test('a valid policy has no problems', () => {
    const text = BROKEN_KYVERNO.replace('              kindz: [x]\n', '')
      .replace('Equalz', 'Equals')
      .replace('metadata.( }}', 'metadata.name }}')
      .replace('=(hostNetwork: false', '=(hostNetwork): false')
      .replace('">="', '">=1"')
      .replace(/ {4}- name: r2[\s\S]*$/, '');
    assert.deepEqual(lines(text), []);
  });
});
