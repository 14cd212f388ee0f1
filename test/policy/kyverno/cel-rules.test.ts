// Kyverno `validate.cel` rules: expressions, messages, variables, params, preconditions, autogen,
// and errors (compile errors are rule errors; evaluation errors fail the rule, as in Kyverno).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupOf, identityOf, type Resource } from '../../../src/model/resource.js';
import {
  evaluateKyverno,
  loadKyvernoPolicies,
  type KyvernoEvalContext,
  type KyvernoPolicy,
  type KyvernoRuleResult,
} from '../../../src/policy/kyverno/index.js';

function resource(object: Record<string, unknown>): Resource {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  const apiVersion = String(object.apiVersion);
  const group = groupOf(apiVersion);
  return {
    id: identityOf(group, String(object.kind), metadata.namespace, metadata.name ?? ''),
    apiVersion,
    group,
    kind: String(object.kind),
    name: metadata.name ?? '',
    namespace: metadata.namespace,
    object,
  };
}

const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };

function policy(rule: Record<string, unknown>, annotations: Record<string, string> = {}) {
  const { policies, problems } = loadKyvernoPolicies([
    {
      file: 'p.yaml',
      object: {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'p', annotations },
        spec: { rules: [{ name: 'r', match: podMatch, ...rule }] },
      },
    },
  ]);
  assert.deepEqual(problems, []);
  return policies[0] as KyvernoPolicy;
}

const cel = (block: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  policy({ validate: { cel: block, ...extra } });

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
  resource({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'team', ...metadata },
    spec,
  });

const hostNetwork = pod({ hostNetwork: true, containers: [{ name: 'c', image: 'nginx' }] });
const plain = pod({ containers: [{ name: 'c', image: 'nginx:1.27' }] });

function run(p: KyvernoPolicy, r: Resource, ctx: KyvernoEvalContext = {}): KyvernoRuleResult {
  const [result] = evaluateKyverno(p, r, ctx);
  assert.ok(result !== undefined, 'the rule should select the resource');
  return result;
}

describe('validate.cel expressions', () => {
  const noHostNetwork = (expression: Record<string, unknown>, extra = {}) =>
    cel(
      {
        expressions: [
          { expression: 'object.spec.?hostNetwork.orValue(false) == false', ...expression },
        ],
      },
      extra,
    );

  const cases: {
    name: string;
    policy: KyvernoPolicy;
    resource: Resource;
    result: KyvernoRuleResult['result'];
    message?: string | RegExp;
  }[] = [
    { name: 'true passes', policy: noHostNetwork({}), resource: plain, result: 'pass' },
    {
      name: 'false fails with the expression message',
      policy: noHostNetwork({ message: 'host network is not allowed' }),
      resource: hostNetwork,
      result: 'fail',
      message: 'host network is not allowed',
    },
    {
      name: 'without its own message, the rule message',
      policy: noHostNetwork({}, { message: 'rule says no' }),
      resource: hostNetwork,
      result: 'fail',
      message: 'rule says no',
    },
    {
      name: 'without any message, the failed expression',
      policy: noHostNetwork({}),
      resource: hostNetwork,
      result: 'fail',
      message: 'failed expression: object.spec.?hostNetwork.orValue(false) == false',
    },
    {
      name: 'messageExpression wins over message',
      policy: noHostNetwork({
        message: 'static',
        messageExpression: "'pod ' + object.metadata.name + ' uses the host network'",
      }),
      resource: hostNetwork,
      result: 'fail',
      message: 'pod web uses the host network',
    },
    {
      name: 'a messageExpression that fails falls back to message',
      policy: noHostNetwork({ message: 'static', messageExpression: 'object.metadata.missing' }),
      resource: hostNetwork,
      result: 'fail',
      message: 'static',
    },
    {
      name: 'the first false expression decides',
      policy: cel({
        expressions: [
          { expression: 'true', message: 'first' },
          { expression: "object.metadata.name != 'web'", message: 'second' },
          { expression: 'false', message: 'third' },
        ],
      }),
      resource: plain,
      result: 'fail',
      message: 'second',
    },
    {
      name: 'an expression that does not compile is a rule error',
      policy: cel({ expressions: [{ expression: 'object.spec.containers.all(c,' }] }),
      resource: plain,
      result: 'error',
      message: /validate\.cel\.expressions\[0\]\.expression/,
    },
    {
      name: 'an expression that is not a string is a rule error',
      policy: cel({ expressions: [{ expression: 42 }] }),
      resource: plain,
      result: 'error',
      message: /expected a CEL expression/,
    },
    {
      name: 'an evaluation error fails the rule (Kyverno runs CEL with failure policy Fail)',
      policy: cel({ expressions: [{ expression: 'object.spec.missing == 1', message: 'm' }] }),
      resource: plain,
      result: 'fail',
      message: /expression "object.spec.missing == 1" failed: No such key: missing/,
    },
    {
      name: 'a non-bool predicate in a macro is an evaluation error',
      policy: cel({
        expressions: [{ expression: 'object.spec.containers.all(c, c.?image.orValue(true))' }],
      }),
      resource: plain,
      result: 'fail',
      message: /failed: .*must return bool/,
    },
    {
      name: 'orValue on a non-optional receiver returns it, as cel-go does',
      policy: cel({
        expressions: [
          {
            expression: "object.spec.containers.all(c, c.image.orValue('x').startsWith('nginx'))",
          },
        ],
      }),
      resource: plain,
      result: 'pass',
    },
    {
      name: 'request and oldObject as on CREATE',
      policy: cel({
        expressions: [
          {
            expression:
              "request.operation == 'CREATE' && oldObject == null && request.kind.kind == 'Pod' && request.resource.resource == 'pods' && request.namespace == 'team'",
          },
        ],
      }),
      resource: plain,
      result: 'pass',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = run(c.policy, c.resource);
      assert.equal(result.result, c.result, result.message);
      if (typeof c.message === 'string') assert.equal(result.message, c.message);
      else if (c.message !== undefined) assert.match(result.message, c.message);
    });
  }

  it('reports the field the expression reads as the path', () => {
    const p = cel({ expressions: [{ expression: 'object.spec.hostNetwork != true' }] });
    assert.deepEqual(run(p, hostNetwork).path, ['spec', 'hostNetwork']);
  });
});

describe('validate.cel variables', () => {
  const p = cel({
    variables: [
      {
        name: 'containers',
        expression: 'object.spec.containers + object.spec.?initContainers.orValue([])',
      },
      { name: 'untagged', expression: "variables.containers.filter(c, !c.image.contains(':'))" },
    ],
    expressions: [
      {
        expression: 'size(variables.untagged) == 0',
        messageExpression: "'untagged: ' + variables.untagged.map(c, c.name).join(', ')",
      },
    ],
  });

  it('are computed from other variables and read by expressions and messages', () => {
    assert.equal(run(p, plain).result, 'pass');
    const bad = pod({
      containers: [{ name: 'a', image: 'nginx' }],
      initContainers: [{ name: 'b', image: 'busybox' }],
    });
    assert.deepEqual(run(p, bad), { rule: 'r', result: 'fail', message: 'untagged: a, b' });
  });

  it('that fail to evaluate fail the rule', () => {
    const broken = cel({
      variables: [{ name: 'x', expression: 'object.spec.nothing' }],
      expressions: [{ expression: 'variables.x == 1' }],
    });
    assert.equal(run(broken, plain).result, 'fail');
  });

  it('that do not compile are rule errors', () => {
    const broken = cel({
      variables: [{ name: 'x', expression: '1 +' }],
      expressions: [{ expression: 'true' }],
    });
    assert.equal(run(broken, plain).result, 'error');
  });
});

describe('validate.cel params', () => {
  const configMap = (name: string, namespace: string, data: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, labels: { role: 'limits' } },
    data,
  });
  const objects = [
    configMap('registries', 'policy', { allowed: 'nginx' }),
    configMap('other', 'policy', { allowed: 'busybox' }),
    configMap('registries', 'team', { allowed: 'team-registry' }),
  ];
  const ctx: KyvernoEvalContext = {
    paramObjects: (apiVersion, kind) =>
      objects.filter((o) => o.apiVersion === apiVersion && o.kind === kind),
  };
  const withRef = (paramRef: Record<string, unknown>) =>
    cel({
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      paramRef,
      expressions: [
        {
          expression: 'object.spec.containers.all(c, c.image.startsWith(params.data.allowed))',
          messageExpression: "'images must come from ' + params.data.allowed",
        },
      ],
    });

  it('are found by name and namespace', () => {
    const p = withRef({ name: 'registries', namespace: 'policy' });
    assert.equal(run(p, plain, ctx).result, 'pass');
    const other = pod({ containers: [{ name: 'c', image: 'busybox' }] });
    assert.deepEqual(run(p, other, ctx), {
      rule: 'r',
      result: 'fail',
      message: 'images must come from nginx',
      path: ['spec', 'containers'],
    });
  });

  it("default to the resource's namespace", () => {
    const result = run(withRef({ name: 'registries' }), plain, ctx);
    assert.equal(result.message, 'images must come from team-registry');
  });

  it('are judged one by one when a selector matches several', () => {
    const p = withRef({ namespace: 'policy', selector: { matchLabels: { role: 'limits' } } });
    // nginx passes the first param object but not the second.
    assert.equal(run(p, plain, ctx).message, 'images must come from busybox');
  });

  it('that are missing are a rule error unless parameterNotFoundAction is Allow', () => {
    const missing = run(withRef({ name: 'nope', namespace: 'policy' }), plain, ctx);
    assert.equal(missing.result, 'error');
    assert.match(missing.message, /no ConfigMap parameter object nope found/);
    const allowed = withRef({
      name: 'nope',
      namespace: 'policy',
      parameterNotFoundAction: 'Allow',
    });
    assert.equal(run(allowed, plain, ctx).result, 'pass');
  });

  it('are null when the rule has no paramKind', () => {
    const p = cel({ expressions: [{ expression: 'params == null' }] });
    assert.equal(run(p, plain, ctx).result, 'pass');
  });
});

describe('validate.cel with the rest of the rule', () => {
  it('celPreconditions that are false skip the rule', () => {
    const p = policy({
      celPreconditions: [
        {
          name: 'labelled',
          expression: "has(object.metadata.labels) && 'app' in object.metadata.labels",
        },
      ],
      validate: { cel: { expressions: [{ expression: 'false', message: 'no' }] } },
    });
    assert.deepEqual(run(p, plain), {
      rule: 'r',
      result: 'skip',
      message: 'cel preconditions not met',
    });
    assert.equal(run(p, pod({ containers: [] }, { labels: { app: 'x' } })).result, 'fail');
  });

  it('JMESPath preconditions and exclude work as for other rules', () => {
    const p = policy({
      exclude: { any: [{ resources: { namespaces: ['kube-system'] } }] },
      preconditions: {
        all: [{ key: '{{ request.object.metadata.name }}', operator: 'Equals', value: 'web' }],
      },
      validate: { cel: { expressions: [{ expression: 'false' }] } },
    });
    assert.equal(run(p, plain).result, 'fail');
    assert.equal(run(p, pod({}, { name: 'api' })).result, 'skip');
    assert.deepEqual(evaluateKyverno(p, pod({}, { namespace: 'kube-system' })), []);
  });

  it('judges pod controllers through the template (autogen)', () => {
    const p = cel({
      expressions: [
        {
          expression:
            "object.spec.containers.all(c, c.image.contains(':')) && object.metadata.?labels.?app.hasValue()",
          message: 'tagged images and an app label',
        },
      ],
    });
    const template = (image: string) => ({
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'c', image }] },
    });
    const deployment = (image: string) =>
      resource({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd', namespace: 'team' },
        spec: { template: template(image) },
      });
    const cronJob = (image: string) =>
      resource({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: { name: 'j', namespace: 'team' },
        spec: { jobTemplate: { spec: { template: template(image) } } },
      });
    assert.equal(run(p, deployment('nginx:1')).result, 'pass');
    const failed = run(p, deployment('nginx'));
    assert.equal(failed.result, 'fail');
    assert.deepEqual(failed.path, ['spec', 'template', 'spec', 'containers']);
    assert.equal(run(p, cronJob('nginx:1')).result, 'pass');
    assert.equal(run(p, cronJob('nginx')).result, 'fail');
  });

  it('namespaceObject is the namespace by name, or the scanned Namespace when known', () => {
    const p = cel({
      expressions: [
        {
          expression:
            "namespaceObject.metadata.name == 'team' && namespaceObject.metadata.?labels.?tier.orValue('') != 'restricted'",
        },
      ],
    });
    assert.equal(run(p, plain).result, 'pass');
    const namespace = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team', labels: { tier: 'restricted' } },
    };
    const ctx = { namespaceObject: (name: string) => (name === 'team' ? namespace : undefined) };
    assert.equal(run(p, plain, ctx).result, 'fail');
  });

  it('namespaceObject is null for cluster-scoped resources and Namespaces', () => {
    const p = policy({
      match: { any: [{ resources: { kinds: ['Namespace'] } }] },
      validate: { cel: { expressions: [{ expression: 'namespaceObject == null' }] } },
    });
    const ns = resource({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    assert.equal(run(p, ns).result, 'pass');
  });
});
