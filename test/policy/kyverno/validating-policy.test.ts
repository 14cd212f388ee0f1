// Kyverno ValidatingPolicy (policies.kyverno.io): loading, matchConstraints, matchConditions,
// variables, messages, params, autogen for pod controllers, Kyverno CEL libraries, and errors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupOf, identityOf, type Resource } from '../../../src/model/resource.js';
import {
  evaluateValidatingPolicy,
  loadValidatingPolicies,
  setKyvernoClock,
  validatingPolicyControls,
  type ValidatingPolicy,
  type VpolContext,
} from '../../../src/policy/kyverno/index.js';
import { parseTestFile, validatePolicyFile } from '../../../src/policy/testing/index.js';

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

const podRules = [
  { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] },
];

function load(spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return loadValidatingPolicies([
    {
      file: 'vpol.yaml',
      object: {
        apiVersion: 'policies.kyverno.io/v1',
        kind: 'ValidatingPolicy',
        metadata: { name: 'vp' },
        spec: { matchConstraints: { resourceRules: podRules }, ...spec },
        ...extra,
      },
    },
  ]);
}

function policy(spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const { policies, problems } = load(spec, extra);
  assert.deepEqual(problems, []);
  return policies[0] as ValidatingPolicy;
}

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) =>
  resource({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });

const deployment = (podSpec: Record<string, unknown>, labels: Record<string, string> = {}) =>
  resource({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'apps' },
    spec: { template: { metadata: { labels }, spec: podSpec } },
  });

const cronJob = (podSpec: Record<string, unknown>) =>
  resource({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'c' },
    spec: { jobTemplate: { spec: { template: { spec: podSpec } } } },
  });

const evaluate = (p: ValidatingPolicy, r: Resource, ctx: VpolContext = {}) =>
  evaluateValidatingPolicy(p, r, ctx);

const noHostNetwork = {
  validations: [
    { expression: '!object.spec.?hostNetwork.orValue(false)', message: 'no host network' },
  ],
};

describe('ValidatingPolicy verdicts', () => {
  const cases: {
    name: string;
    spec: Record<string, unknown>;
    subject: Resource;
    result: string | undefined;
    message?: RegExp;
  }[] = [
    { name: 'pass', spec: noHostNetwork, subject: pod({}), result: 'pass' },
    {
      name: 'fail with message',
      spec: noHostNetwork,
      subject: pod({ hostNetwork: true }),
      result: 'fail',
      message: /^no host network$/,
    },
    {
      name: 'fail with messageExpression',
      spec: {
        validations: [
          {
            expression: 'false',
            message: 'static',
            messageExpression: "'pod ' + object.metadata.name + ' refused'",
          },
        ],
      },
      subject: pod({}),
      result: 'fail',
      message: /^pod p refused$/,
    },
    {
      name: 'messageExpression that fails falls back to message',
      spec: {
        validations: [{ expression: 'false', message: 'static', messageExpression: 'object.x' }],
      },
      subject: pod({}),
      result: 'fail',
      message: /^static$/,
    },
    {
      name: 'evaluation error is an error',
      spec: { validations: [{ expression: 'object.spec.missing == 1' }] },
      subject: pod({}),
      result: 'error',
      message: /No such key/,
    },
    {
      name: 'evaluation error under failurePolicy Ignore is a skip',
      spec: { failurePolicy: 'Ignore', validations: [{ expression: 'object.spec.x == 1' }] },
      subject: pod({}),
      result: 'skip',
    },
    {
      name: 'a kind outside matchConstraints is not selected',
      spec: noHostNetwork,
      subject: resource({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }),
      result: undefined,
    },
    {
      name: 'excludeResourceRules',
      spec: {
        ...noHostNetwork,
        matchConstraints: { resourceRules: podRules, excludeResourceRules: podRules },
      },
      subject: pod({ hostNetwork: true }),
      result: undefined,
    },
    {
      name: 'objectSelector',
      spec: {
        ...noHostNetwork,
        matchConstraints: { resourceRules: podRules, objectSelector: { matchLabels: { a: 'b' } } },
      },
      subject: pod({ hostNetwork: true }),
      result: undefined,
    },
    {
      name: 'matchConditions not met: skip',
      spec: {
        ...noHostNetwork,
        matchConditions: [{ name: 'prod', expression: "object.metadata.name == 'prod'" }],
      },
      subject: pod({ hostNetwork: true }),
      result: 'skip',
      message: /match condition prod/,
    },
    {
      name: 'matchConditions met',
      spec: {
        ...noHostNetwork,
        matchConditions: [{ name: 'prod', expression: "object.metadata.name == 'p'" }],
      },
      subject: pod({ hostNetwork: true }),
      result: 'fail',
    },
    {
      name: 'variables, lazily and in order',
      spec: {
        variables: [
          { name: 'containers', expression: 'object.spec.containers' },
          { name: 'names', expression: 'variables.containers.map(c, c.name)' },
        ],
        validations: [{ expression: "!('bad' in variables.names)", message: 'bad container' }],
      },
      subject: pod({ containers: [{ name: 'ok' }, { name: 'bad' }] }),
      result: 'fail',
      message: /bad container/,
    },
    {
      name: 'image() parses references',
      spec: {
        validations: [
          {
            expression:
              "object.spec.containers.all(c, image(c.image).registry() == 'index.docker.io')",
          },
        ],
      },
      subject: pod({ containers: [{ name: 'a', image: 'ghcr.io/x/y:1' }] }),
      result: 'fail',
    },
    {
      name: 'network libraries are unsupported skips, never passes',
      spec: {
        validations: [
          { expression: "true || http.Get('https://x') == {}" },
          {
            expression: 'image.GetMetadata(object.spec.containers[0].image).config == {} || true',
          },
        ],
      },
      subject: pod({ containers: [{ name: 'a', image: 'nginx' }] }),
      result: 'skip',
      message: /^unsupported: image\.GetMetadata/,
    },
    {
      name: 'has() over a call result is an unsupported skip',
      spec: { validations: [{ expression: "has(image.GetMetadata('x').config)" }] },
      subject: pod({}),
      result: 'skip',
      message: /^unsupported: has\(\)/,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = evaluate(policy(c.spec), c.subject);
      assert.equal(result?.result, c.result, result?.message);
      if (c.message !== undefined) assert.match(result?.message ?? '', c.message);
    });
  }

  it('namespaceSelector reads the Namespace object', () => {
    const p = policy({
      ...noHostNetwork,
      matchConstraints: {
        resourceRules: podRules,
        namespaceSelector: { matchLabels: { env: 'prod' } },
      },
    });
    const subject = pod({ hostNetwork: true }, { namespace: 'web' });
    assert.equal(evaluate(p, subject), undefined);
    const ns = {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'web', labels: { env: 'prod' } },
    };
    assert.equal(evaluate(p, subject, { namespaceObject: () => ns })?.result, 'fail');
  });

  it('resource.Get and resource.List read the known objects', () => {
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'allowed', namespace: 'default' },
      data: { registries: 'ghcr.io/' },
    };
    const p = policy({
      variables: [
        { name: 'cm', expression: "resource.Get('v1', 'configmaps', 'default', 'allowed')" },
        { name: 'all', expression: "resource.List('v1', 'configmaps', '').items" },
      ],
      validations: [
        {
          expression:
            'object.spec.containers.all(c, c.image.startsWith(variables.cm.data.registries))',
        },
        { expression: 'size(variables.all) == 1' },
      ],
    });
    const good = pod({ containers: [{ name: 'a', image: 'ghcr.io/a:1' }] });
    const bad = pod({ containers: [{ name: 'a', image: 'nginx' }] });
    assert.equal(evaluate(p, good, { objects: [cm] })?.result, 'pass');
    assert.equal(evaluate(p, bad, { objects: [cm] })?.result, 'fail');
    assert.equal(evaluate(p, good, { objects: [] })?.result, 'error');
  });

  it('params through paramKind and paramRef', () => {
    const p = policy({
      paramKind: { apiVersion: 'v1', kind: 'ConfigMap' },
      paramRef: { name: 'limits', namespace: 'default' },
      validations: [{ expression: 'size(object.spec.containers) <= int(params.data.max)' }],
    });
    const params = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'limits', namespace: 'default' },
      data: { max: '1' },
    };
    const two = pod({ containers: [{ name: 'a' }, { name: 'b' }] });
    assert.equal(evaluate(p, two, { objects: [params] })?.result, 'fail');
    assert.equal(
      evaluate(p, pod({ containers: [{ name: 'a' }] }), { objects: [params] })?.result,
      'pass',
    );
    assert.match(evaluate(p, two, { objects: [] })?.message ?? '', /no ConfigMap parameter/);
  });

  it('request.userInfo and parseServiceAccount', () => {
    const p = policy({
      validations: [
        { expression: "parseServiceAccount(request.userInfo.username).Namespace != 'ci'" },
      ],
    });
    const userInfo = { username: 'system:serviceaccount:ci:builder', groups: [] };
    assert.equal(evaluate(p, pod({}), { userInfo })?.result, 'fail');
    assert.equal(evaluate(p, pod({}))?.result, 'pass');
  });

  it('time.now() reads the Kyverno clock', () => {
    const p = policy({
      validations: [{ expression: "time.now() < timestamp('2020-01-01T00:00:00Z')" }],
    });
    const previous = setKyvernoClock(() => Date.parse('2019-06-01T00:00:00Z'));
    try {
      assert.equal(evaluate(p, pod({}))?.result, 'pass');
    } finally {
      setKyvernoClock(previous);
    }
  });

  it('a NamespacedValidatingPolicy judges its namespace only', () => {
    const p = policy(noHostNetwork, {
      kind: 'NamespacedValidatingPolicy',
      metadata: { name: 'vp', namespace: 'team' },
    });
    assert.equal(evaluate(p, pod({ hostNetwork: true }, { namespace: 'other' })), undefined);
    assert.equal(evaluate(p, pod({ hostNetwork: true }, { namespace: 'team' }))?.result, 'fail');
  });
});

describe('ValidatingPolicy autogen', () => {
  const spec = {
    validations: [
      {
        expression: "object.spec.containers.all(c, !c.image.endsWith(':latest'))",
        messageExpression: "'no latest in ' + object.metadata.name",
      },
      { expression: "object.metadata.?labels.app.orValue('') != ''", message: 'app label' },
    ],
  };
  const latest = { containers: [{ name: 'a', image: 'nginx:latest' }] };
  const pinned = { containers: [{ name: 'a', image: 'nginx:1' }] };

  it('rewrites Pod expressions for pod controllers, keeping the controller name', () => {
    const p = policy(spec);
    const bad = evaluate(p, deployment(latest, { app: 'x' }));
    assert.equal(bad?.result, 'fail');
    assert.equal(bad.rule, 'autogen-vp');
    assert.equal(bad.message, 'no latest in d');
    assert.equal(evaluate(p, deployment(pinned, { app: 'x' }))?.result, 'pass');
    assert.equal(evaluate(p, deployment(pinned))?.message, 'app label');
    const cron = evaluate(p, cronJob(latest));
    assert.equal(cron?.rule, 'autogen-cronjobs-vp');
    assert.equal(cron.result, 'fail');
  });

  it('follows spec.autogen.podControllers.controllers', () => {
    const none = policy({ ...spec, autogen: { podControllers: { controllers: [] } } });
    assert.equal(evaluate(none, deployment(latest)), undefined);
    const cronOnly = policy({
      ...spec,
      autogen: { podControllers: { controllers: ['cronjobs'] } },
    });
    assert.equal(evaluate(cronOnly, deployment(latest)), undefined);
    assert.equal(evaluate(cronOnly, cronJob(latest))?.result, 'fail');
  });

  it('is off when the policy filters pods by selector', () => {
    const p = policy({
      ...spec,
      matchConstraints: { resourceRules: podRules, objectSelector: { matchLabels: { a: 'b' } } },
    });
    assert.equal(evaluate(p, deployment(latest)), undefined);
  });
});

describe('ValidatingPolicy loading, controls and validate', () => {
  it('reports expressions that do not compile, with their path', () => {
    const { policies, problems } = load({ validations: [{ expression: 'object.spec.(' }] });
    assert.equal(policies.length, 0);
    assert.match(problems[0]?.message ?? '', /^spec\.validations\[0\]\.expression: /);
  });

  it('becomes one control per policy', () => {
    const [control] = validatingPolicyControls([policy(noHostNetwork)]);
    assert.equal(control?.id, 'kyverno:vp');
  });

  it('policy validate checks ValidatingPolicies and warns about network calls', () => {
    const text = `apiVersion: policies.kyverno.io/v1alpha1
kind: ValidatingPolicy
metadata:
  name: v
spec:
  matchConstraints:
    resourceRules:
      - apiGroups: ['']
        apiVersions: [v1]
        operations: [CREATE]
        resources: [pods]
  validations:
    - expression: "object.spec.("
    - expression: "http.Get('https://example.com').ok == true"
`;
    const { problems, policies } = validatePolicyFile(parseTestFile(text, 'v.yaml'));
    assert.equal(policies, 1);
    assert.ok(problems.some((p) => p.severity === 'error' && p.line === 13));
    assert.ok(problems.some((p) => p.severity === 'warning' && /http\.Get/.test(p.message)));
  });
});
