import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { celControls } from '../../../src/policy/cel/vap-controls.js';
import { evaluateVap } from '../../../src/policy/cel/vap-evaluate.js';
import { loadCelPolicies } from '../../../src/policy/cel/vap-load.js';
import { resourceOfKind } from '../../../src/policy/cel/vap-match.js';
import {
  parseTestFile,
  runTestFile,
  type ReadTestFile,
} from '../../../src/policy/testing/index.js';
import type { Resource } from '../../../src/model/resource.js';

const API = 'admissionregistration.k8s.io/v1';

function policy(spec: Record<string, unknown>, name = 'replicas'): Record<string, unknown> {
  return {
    apiVersion: API,
    kind: 'ValidatingAdmissionPolicy',
    metadata: { name, annotations: { 'cubecape.io/severity': 'high' } },
    spec: {
      matchConstraints: {
        resourceRules: [
          {
            apiGroups: ['apps'],
            apiVersions: ['v1'],
            operations: ['CREATE', 'UPDATE'],
            resources: ['deployments'],
          },
        ],
      },
      validations: [{ expression: 'object.spec.replicas <= 5', message: 'too many replicas' }],
      ...spec,
    },
  };
}

function deployment(
  replicas: unknown,
  namespace = 'prod',
  labels: Record<string, string> = {},
): Resource {
  const object = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace, labels },
    spec: { replicas },
  };
  return {
    id: 'x',
    apiVersion: 'apps/v1',
    group: 'apps',
    kind: 'Deployment',
    name: 'web',
    namespace,
    object,
  };
}

function judge(docs: Record<string, unknown>[], resource: Resource) {
  const loaded = loadCelPolicies(docs.map((object) => ({ object, file: 'p.yaml' })));
  assert.deepEqual(loaded.problems, []);
  const ctx = { objects: loaded.objects, namespaceObject: (n: string) => loaded.namespaces.get(n) };
  const first = loaded.policies[0];
  assert.ok(first);
  return evaluateVap(first, loaded.bindings, resource, ctx);
}

const statuses = (docs: Record<string, unknown>[], resource: Resource): string[] =>
  judge(docs, resource).map((r) => r.status);

describe('ValidatingAdmissionPolicy evaluation', () => {
  const cases: readonly [string, Record<string, unknown>[], Resource, string[]][] = [
    ['passes within the limit', [policy({})], deployment(3), ['pass']],
    ['fails above the limit', [policy({})], deployment(9), ['fail']],
    [
      'does not match other groups',
      [
        policy({
          matchConstraints: {
            resourceRules: [
              { apiGroups: [''], apiVersions: ['*'], operations: ['*'], resources: ['pods'] },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'wildcard rules match',
      [
        policy({
          matchConstraints: {
            resourceRules: [
              { apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*'] },
            ],
          },
        }),
      ],
      deployment(9),
      ['fail'],
    ],
    [
      'subresource rules do not match the main resource',
      [
        policy({
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: ['*'],
                apiVersions: ['*'],
                operations: ['*'],
                resources: ['deployments/scale'],
              },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'DELETE-only rules do not match a create',
      [
        policy({
          matchConstraints: {
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['DELETE'],
                resources: ['deployments'],
              },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'excludeResourceRules',
      [
        policy({
          matchConstraints: {
            resourceRules: [
              { apiGroups: ['*'], apiVersions: ['*'], operations: ['*'], resources: ['*'] },
            ],
            excludeResourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['*'],
                operations: ['*'],
                resources: ['deployments'],
              },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'namespaceSelector on the built-in name label',
      [
        policy({
          matchConstraints: {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } },
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['*'],
                resources: ['deployments'],
              },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'namespaceSelector from a Namespace object',
      [
        policy({
          matchConstraints: {
            namespaceSelector: { matchLabels: { env: 'prod' } },
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['*'],
                resources: ['deployments'],
              },
            ],
          },
        }),
        {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: { name: 'prod', labels: { env: 'prod' } },
        },
      ],
      deployment(9),
      ['fail'],
    ],
    [
      'objectSelector',
      [
        policy({
          matchConstraints: {
            objectSelector: { matchLabels: { app: 'web' } },
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['*'],
                resources: ['deployments'],
              },
            ],
          },
        }),
      ],
      deployment(9),
      [],
    ],
    [
      'matchConditions false skips',
      [policy({ matchConditions: [{ name: 'big', expression: 'object.spec.replicas > 100' }] })],
      deployment(9),
      [],
    ],
    [
      'failurePolicy Fail turns errors into failures',
      [policy({ validations: [{ expression: '1 / (object.spec.replicas - 1) == 0' }] })],
      deployment(1),
      ['fail'],
    ],
    [
      'failurePolicy Ignore drops errors',
      [
        policy({
          failurePolicy: 'Ignore',
          validations: [{ expression: 'object.spec.missing.deeper == 1' }],
        }),
      ],
      deployment(1),
      ['pass'],
    ],
    [
      'variables are evaluated lazily',
      [
        policy({
          variables: [
            { name: 'limit', expression: '5' },
            { name: 'boom', expression: '1 / 0' },
          ],
          validations: [{ expression: 'object.spec.replicas <= variables.limit' }],
        }),
      ],
      deployment(9),
      ['fail'],
    ],
    [
      'authorizer is skipped',
      [
        policy({
          validations: [{ expression: 'authorizer.requestResource.check("x").allowed()' }],
        }),
      ],
      deployment(9),
      ['skip'],
    ],
    [
      'binding matchResources narrows',
      [
        policy({}),
        {
          apiVersion: API,
          kind: 'ValidatingAdmissionPolicyBinding',
          metadata: { name: 'b' },
          spec: {
            policyName: 'replicas',
            validationActions: ['Warn'],
            matchResources: {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dev' } },
            },
          },
        },
      ],
      deployment(9),
      [],
    ],
  ];
  for (const [name, docs, resource, expected] of cases) {
    it(name, () => {
      assert.deepEqual(statuses(docs, resource), expected);
    });
  }

  it('reports messageExpression and binding actions', () => {
    const docs = [
      policy({
        validations: [
          {
            expression: 'object.spec.replicas <= 5',
            messageExpression: '"replicas " + string(object.spec.replicas) + " > 5"',
          },
        ],
      }),
      {
        apiVersion: API,
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: 'b' },
        spec: { policyName: 'replicas', validationActions: ['Warn', 'Audit'] },
      },
    ];
    const [result] = judge(docs, deployment(9));
    assert.ok(result);
    const [violation] = result.violations;
    assert.ok(violation);
    assert.equal(violation.message, 'replicas 9 > 5');
    assert.deepEqual(violation.path, ['spec', 'replicas']);
    assert.deepEqual(result.actions, ['Warn', 'Audit']);
  });

  const paramPolicy = policy({
    paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
    validations: [{ expression: 'object.spec.replicas <= int(params.data.max)' }],
  });
  const binding = (paramRef: Record<string, unknown>) => ({
    apiVersion: API,
    kind: 'ValidatingAdmissionPolicyBinding',
    metadata: { name: 'b' },
    spec: { policyName: 'replicas', validationActions: ['Deny'], paramRef },
  });
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'limits', namespace: 'prod' },
    data: { max: '10' },
  };
  const paramCases: readonly [string, Record<string, unknown>[], string[]][] = [
    ['params by name', [paramPolicy, binding({ name: 'limits' }), configMap], ['pass']],
    ['missing params deny', [paramPolicy, binding({ name: 'other' }), configMap], ['fail']],
    [
      'missing params allowed',
      [paramPolicy, binding({ name: 'other', parameterNotFoundAction: 'Allow' }), configMap],
      ['skip'],
    ],
    ['params by selector', [paramPolicy, binding({ selector: {} }), configMap], ['pass']],
    [
      'paramKind without paramRef fails',
      [
        paramPolicy,
        { ...binding({}), spec: { policyName: 'replicas', validationActions: ['Deny'] } },
        configMap,
      ],
      ['fail'],
    ],
  ];
  for (const [name, docs, expected] of paramCases) {
    it(name, () => {
      assert.deepEqual(statuses(docs, deployment(9)), expected);
    });
  }

  it('reports policies that do not compile, and hostile documents', () => {
    const loaded = loadCelPolicies([
      { object: policy({ validations: [{ expression: 'object.(' }] }), file: 'a.yaml' },
      {
        object: { apiVersion: API, kind: 'ValidatingAdmissionPolicy', spec: null },
        file: 'b.yaml',
      },
      {
        object: { apiVersion: API, kind: 'ValidatingAdmissionPolicyBinding', spec: [] },
        file: 'c.yaml',
      },
    ]);
    assert.equal(loaded.policies.length, 0);
    assert.equal(loaded.problems.length, 3);
  });

  it('maps kinds to resources', () => {
    assert.deepEqual(
      ['Deployment', 'Ingress', 'NetworkPolicy', 'Endpoints', 'Pod'].map(resourceOfKind),
      ['deployments', 'ingresses', 'networkpolicies', 'endpoints', 'pods'],
    );
  });

  it('turns policies into controls', () => {
    const loaded = loadCelPolicies([{ object: policy({}), file: 'p.yaml' }]);
    const [control] = celControls(loaded);
    assert.ok(control);
    assert.equal(control.id, 'vap:replicas');
    assert.equal(control.severity, 'high');
    assert.equal(control.match.where?.(deployment(9)), true);
  });

  it('runs a PolicyTest', async () => {
    const docs = new Map<string, unknown[]>([
      ['policy.yaml', [policy({})]],
      [
        'resources.yaml',
        [
          deployment(3).object,
          { ...deployment(9).object, metadata: { name: 'big', namespace: 'prod' } },
        ],
      ],
    ]);
    const test = {
      apiVersion: 'cubecape.io/v1alpha1',
      kind: 'PolicyTest',
      policies: ['policy.yaml'],
      resources: ['resources.yaml'],
      results: [
        {
          policy: 'replicas',
          resource: { kind: 'Deployment', namespace: 'prod', name: 'web' },
          result: 'pass',
        },
        {
          policy: 'replicas',
          resource: { kind: 'Deployment', namespace: 'prod', name: 'big' },
          result: 'pass',
        },
      ],
    };
    docs.set('cubecape-test.yaml', [test]);
    // JSON documents are YAML: each file is its documents joined as a stream.
    const read: ReadTestFile = (path) =>
      Promise.resolve(
        parseTestFile((docs.get(path) ?? []).map((d) => JSON.stringify(d)).join('\n---\n'), path),
      );
    const [run] = await runTestFile('cubecape-test.yaml', read);
    const actual = run?.comparisons.map((c) => [c.resource, c.actual]);
    assert.deepEqual(actual, [
      ['prod/web', 'pass'],
      ['prod/big', 'fail'],
    ]);
  });
});
