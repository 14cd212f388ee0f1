import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupOf, identityOf, type Resource } from '../../../src/model/resource.js';
import { buildScanContext } from '../../../src/model/build-context.js';
import {
  evaluateKyverno,
  kyvernoControls,
  loadKyvernoPolicies,
  parseKyvernoValues,
  type KyvernoPolicy,
} from '../../../src/policy/kyverno/index.js';
import { kindMatches } from '../../../src/policy/kyverno/match.js';

function resource(object: Record<string, unknown>): Resource {
  const metadata = (object.metadata ?? {}) as { name?: string; namespace?: string };
  const apiVersion = String(object.apiVersion);
  const kind = String(object.kind);
  const group = groupOf(apiVersion);
  return {
    id: identityOf(group, kind, metadata.namespace, metadata.name ?? ''),
    apiVersion,
    group,
    kind,
    name: metadata.name ?? '',
    namespace: metadata.namespace,
    object,
  };
}

function policy(
  rules: unknown[],
  annotations: Record<string, string> = {},
  kind = 'ClusterPolicy',
): KyvernoPolicy {
  const { policies, problems } = loadKyvernoPolicies([
    {
      file: 'p.yaml',
      object: {
        apiVersion: 'kyverno.io/v1',
        kind,
        metadata: { name: 'p', namespace: 'team', annotations },
        spec: { validationFailureAction: 'Enforce', rules },
      },
    },
  ]);
  assert.deepEqual(problems, []);
  const loaded = policies[0];
  assert.ok(loaded !== undefined);
  return loaded;
}

const podMatch = { any: [{ resources: { kinds: ['Pod'] } }] };
const pod = (containers: unknown[], meta: Record<string, unknown> = {}) =>
  resource({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'team', ...meta },
    spec: { containers },
  });
const deployment = (containers: unknown[]) =>
  resource({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dep', namespace: 'team' },
    spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers } } },
  });
const noLatest = {
  name: 'tag',
  match: podMatch,
  validate: {
    message: 'no latest in {{ request.object.metadata.name }}',
    pattern: { spec: { containers: [{ image: '!*:latest' }] } },
  },
};

test('loader: hostile documents become problems or are ignored', () => {
  const { policies, problems } = loadKyvernoPolicies([
    { file: 'a', object: { apiVersion: 'v1', kind: 'Pod' } },
    { file: 'b', object: { apiVersion: 'kyverno.io/v1', kind: 'ClusterPolicy' } },
    {
      file: 'c',
      object: {
        apiVersion: 'kyverno.io/v1',
        kind: 'ClusterPolicy',
        metadata: { name: 'x' },
        spec: { rules: [null, { name: '' }, { name: 'ok', validate: {} }] },
      },
    },
    {
      file: 'd',
      object: {
        apiVersion: 'kyverno.io/v2beta1',
        kind: 'Policy',
        metadata: { name: 'y' },
        spec: { rules: 'nope' },
      },
    },
  ]);
  assert.deepEqual(
    policies.map((p) => [p.name, p.rules.length, p.failureAction, p.namespace]),
    [
      ['x', 1, 'Audit', undefined],
      ['y', 0, 'Audit', 'default'],
    ],
  );
  assert.equal(problems.length, 4);
});

test('pattern rules pass and fail with substituted messages and paths', () => {
  const p = policy([noLatest]);
  assert.equal(p.failureAction, 'Enforce');
  assert.deepEqual(
    evaluateKyverno(p, pod([{ image: 'a:1' }])).map((r) => r.result),
    ['pass'],
  );
  const fail = evaluateKyverno(p, pod([{ image: 'a:latest' }])).at(0);
  assert.equal(fail?.result, 'fail');
  assert.match(fail.message, /no latest in web/);
  assert.deepEqual(fail.path, ['spec', 'containers', 0, 'image']);
});

test('autogen applies Pod rules to workload templates unless disabled', () => {
  const result = evaluateKyverno(policy([noLatest]), deployment([{ image: 'a:latest' }])).at(0);
  assert.equal(result?.result, 'fail');
  assert.deepEqual(result.path, ['spec', 'template', 'spec', 'containers', 0, 'image']);
  const off = policy([noLatest], { 'pod-policies.kyverno.io/autogen-controllers': 'none' });
  assert.deepEqual(evaluateKyverno(off, deployment([{ image: 'a:latest' }])), []);
  const onlyJobs = policy([noLatest], { 'pod-policies.kyverno.io/autogen-controllers': 'Job' });
  assert.deepEqual(evaluateKyverno(onlyJobs, deployment([{ image: 'a:latest' }])), []);
});

test('match and exclude filters', () => {
  const rule = (match: unknown, exclude?: unknown) => ({
    name: 'r',
    match,
    ...(exclude === undefined ? {} : { exclude }),
    validate: { deny: {} },
  });
  const cases: [string, unknown, unknown, boolean][] = [
    ['kind', podMatch, undefined, true],
    ['other kind', { resources: { kinds: ['Service'] } }, undefined, false],
    ['version/Kind', { resources: { kinds: ['v1/Pod'] } }, undefined, true],
    ['subresource never matches', { resources: { kinds: ['Pod/exec'] } }, undefined, false],
    ['names wildcard', { resources: { kinds: ['Pod'], names: ['w*'] } }, undefined, true],
    ['names miss', { resources: { kinds: ['Pod'], names: ['x*'] } }, undefined, false],
    ['namespaces', { resources: { kinds: ['Pod'], namespaces: ['te?m'] } }, undefined, true],
    [
      'selector',
      { resources: { kinds: ['Pod'], selector: { matchLabels: { app: 'w*' } } } },
      undefined,
      true,
    ],
    [
      'selector miss',
      { resources: { kinds: ['Pod'], selector: { matchLabels: { app: 'x' } } } },
      undefined,
      false,
    ],
    ['operations', { resources: { kinds: ['Pod'], operations: ['UPDATE'] } }, undefined, false],
    [
      'all',
      { all: [{ resources: { kinds: ['Pod'] } }, { resources: { names: ['nope'] } }] },
      undefined,
      false,
    ],
    [
      'namespaceSelector',
      { resources: { kinds: ['Pod'], namespaceSelector: { matchLabels: { env: 'prod' } } } },
      undefined,
      true,
    ],
    [
      'subjects never match a scan',
      { any: [{ subjects: [{ kind: 'User', name: 'x' }] }] },
      undefined,
      false,
    ],
    ['exclude by namespace', podMatch, { any: [{ resources: { namespaces: ['team'] } }] }, false],
    [
      'exclude other namespace',
      podMatch,
      { any: [{ resources: { namespaces: ['kube-system'] } }] },
      true,
    ],
    ['no match block', undefined, undefined, false],
  ];
  for (const [name, match, exclude, expected] of cases) {
    const results = evaluateKyverno(
      policy([rule(match, exclude)]),
      pod([], { labels: { app: 'web' } }),
      {
        namespaceLabels: (ns) => (ns === 'team' ? { env: 'prod' } : undefined),
      },
    );
    assert.equal(results.length === 1, expected, name);
  }
  assert.equal(kindMatches('apps/v1/Deployment', 'apps/v1', 'Deployment'), true);
  assert.equal(kindMatches('apps/*/Deployment', 'apps/v1', 'Deployment'), true);
  assert.equal(kindMatches('batch/v1/Deployment', 'apps/v1', 'Deployment'), false);
});

test('namespaced Policy only judges its namespace', () => {
  const p = policy([noLatest], {}, 'Policy');
  assert.equal(evaluateKyverno(p, pod([{ image: 'a' }], { namespace: 'other' })).length, 0);
  assert.equal(evaluateKyverno(p, pod([{ image: 'a' }])).length, 1);
});

test('preconditions, deny, context variables and values', () => {
  const rule = {
    name: 'r',
    match: podMatch,
    context: [
      { name: 'count', variable: { jmesPath: 'length(request.object.spec.containers)' } },
      { name: 'limit', variable: { value: 2 } },
      { name: 'fallback', variable: { jmesPath: 'request.object.nothing', default: 'dflt' } },
    ],
    preconditions: { all: [{ key: '{{ fallback }}', operator: 'Equals', value: 'dflt' }] },
    validate: {
      message: 'too many',
      deny: {
        conditions: {
          any: [{ key: '{{ count }}', operator: 'GreaterThan', value: '{{ limit }}' }],
        },
      },
    },
  };
  const p = policy([rule]);
  assert.equal(evaluateKyverno(p, pod([{}, {}]))[0]?.result, 'pass');
  assert.equal(evaluateKyverno(p, pod([{}, {}, {}]))[0]?.result, 'fail');
  const values = parseKyvernoValues({
    policies: [{ name: 'p', rules: [{ name: 'r', values: { limit: 5 } }] }],
  });
  assert.equal(evaluateKyverno(p, pod([{}, {}, {}]), { values })[0]?.result, 'pass');
  const skipped = policy([
    {
      ...rule,
      preconditions: [{ key: '{{ request.operation }}', operator: 'Equals', value: 'DELETE' }],
    },
  ]);
  assert.equal(evaluateKyverno(skipped, pod([]))[0]?.result, 'skip');
  const api = policy([
    { ...rule, context: [{ name: 'cm', configMap: { name: 'x', namespace: 'y' } }] },
  ]);
  const apiResult = evaluateKyverno(api, pod([])).at(0);
  assert.equal(apiResult?.result, 'skip');
  assert.match(apiResult.message, /configMap/);
  const bad = policy([{ ...rule, context: [{ name: 'x', variable: { jmesPath: 'a[' } }] }]);
  assert.equal(evaluateKyverno(bad, pod([]))[0]?.result, 'error');
});

test('foreach: elements, nested lists, elementScope, preconditions, empty lists', () => {
  const foreach = (entry: Record<string, unknown>) =>
    policy([{ name: 'f', match: podMatch, validate: { message: 'm', foreach: [entry] } }]);
  const containers = [
    { name: 'a', image: 'x:1', ports: [{ containerPort: 80 }] },
    { name: 'b', image: 'y:latest', ports: [{ containerPort: 22 }] },
  ];
  const result = (entry: Record<string, unknown>, list = containers) =>
    evaluateKyverno(foreach(entry), pod(list))[0]?.result;
  assert.equal(
    result({ list: 'request.object.spec.containers', pattern: { image: '!*:latest' } }),
    'fail',
  );
  assert.equal(
    result({
      list: 'request.object.spec.containers',
      preconditions: { all: [{ key: '{{ element.name }}', operator: 'Equals', value: 'a' }] },
      pattern: { image: '!*:latest' },
    }),
    'pass',
  );
  assert.equal(
    result({
      list: 'request.object.spec.containers',
      deny: {
        conditions: { all: [{ key: '{{ elementIndex }}', operator: 'GreaterThan', value: 5 }] },
      },
    }),
    'pass',
  );
  assert.equal(
    result({
      list: 'request.object.spec.containers',
      elementScope: false,
      pattern: { spec: { containers: [{ name: '?*' }] } },
    }),
    'pass',
  );
  assert.equal(
    result({
      list: 'request.object.spec.containers',
      foreach: [
        {
          list: 'element.ports',
          deny: {
            conditions: {
              any: [{ key: '{{ element.containerPort }}', operator: 'Equals', value: 22 }],
            },
          },
        },
      ],
    }),
    'fail',
  );
  assert.equal(
    result({
      list: 'request.object.spec.containers',
      foreach: [
        {
          list: 'element0.ports',
          deny: {
            conditions: {
              any: [{ key: '{{ element1.containerPort }}', operator: 'Equals', value: 443 }],
            },
          },
        },
      ],
    }),
    'pass',
  );
  assert.equal(
    result({ list: 'request.object.spec.initContainers', pattern: { image: '*' } }),
    'skip',
  );
  assert.equal(result({ list: 42, pattern: {} }), 'error');
});

test('rules Kyverno would run but cubecape does not evaluate are skips with a reason', () => {
  const p = policy([
    { name: 'm', match: podMatch, mutate: { patchStrategicMerge: {} } },
    { name: 'g', match: podMatch, generate: {} },
  ]);
  const results = evaluateKyverno(p, pod([]));
  assert.deepEqual(
    results.map((r) => r.result),
    ['skip', 'skip'],
  );
  assert.match(results[0]?.message ?? '', /mutate rules are not evaluated/);
});

test('podSecurity subrules use the PSS evaluator with exclusions', () => {
  const rule = (exclude: unknown[]) => ({
    name: 'pss',
    match: podMatch,
    validate: { podSecurity: { level: 'baseline', version: 'latest', exclude } },
  });
  const privileged = pod([{ name: 'c', image: 'nginx', securityContext: { privileged: true } }]);
  assert.equal(evaluateKyverno(policy([rule([])]), privileged)[0]?.result, 'fail');
  assert.equal(
    evaluateKyverno(
      policy([rule([{ controlName: 'Privileged Containers', images: ['nginx*'] }])]),
      privileged,
    )[0]?.result,
    'pass',
  );
  assert.equal(
    evaluateKyverno(
      policy([rule([{ controlName: 'Privileged Containers', images: ['other'] }])]),
      privileged,
    )[0]?.result,
    'fail',
  );
  assert.equal(
    evaluateKyverno(policy([rule([])]), pod([{ name: 'c', image: 'x' }]))[0]?.result,
    'pass',
  );
});

test('kyvernoControls: one control per rule, annotations mapped, results mapped', () => {
  const p = policy([noLatest, { name: 'm', match: podMatch, mutate: {} }], {
    'policies.kyverno.io/severity': 'high',
    'policies.kyverno.io/title': 'No latest',
    'policies.kyverno.io/description': 'Images  must be\n pinned.',
  });
  const controls = kyvernoControls([p]);
  assert.deepEqual(
    controls.map((c) => c.id),
    ['kyverno:p/tag', 'kyverno:p/m'],
  );
  const [tag, mutate] = controls;
  assert.ok(tag !== undefined && mutate !== undefined);
  assert.equal(tag.severity, 'high');
  assert.equal(tag.title, 'No latest');
  assert.equal(tag.description, 'Images must be pinned.');
  assert.match(tag.remediation, /no latest/);
  assert.deepEqual(tag.match.kinds.slice().sort(), [
    'CronJob',
    'DaemonSet',
    'Deployment',
    'Job',
    'Pod',
    'ReplicaSet',
    'ReplicationController',
    'StatefulSet',
  ]);
  const bad = pod([{ image: 'a:latest' }]);
  const good = pod([{ image: 'a:1' }]);
  const ctx = buildScanContext([bad, good], { source: 'manifests' });
  const violations = tag.check(bad, ctx);
  assert.ok(Array.isArray(violations) && violations.length === 1);
  assert.deepEqual(tag.check(good, ctx), []);
  assert.deepEqual(mutate.check(good, ctx), { skipped: 'mutate rules are not evaluated' });
  assert.equal(kyvernoControls([policy([noLatest])])[0]?.severity, 'medium');
});

test('auto-generated rules read the template, as Kyverno rewrites them', () => {
  const cronjob = resource({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cj', namespace: 'team', labels: { skip: 'yes' } },
    spec: {
      jobTemplate: { spec: { template: { spec: { containers: [{ image: 'a:latest' }] } } } },
    },
  });
  const result = evaluateKyverno(policy([noLatest]), cronjob).at(0);
  assert.equal(result?.result, 'fail');
  assert.deepEqual(result.path, [
    'spec',
    'jobTemplate',
    'spec',
    'template',
    'spec',
    'containers',
    0,
    'image',
  ]);
  const quoted = {
    ...noLatest,
    preconditions: {
      all: [
        {
          key: '{{ request."object".metadata.labels.skip || \'\' }}',
          operator: 'NotEquals',
          value: 'yes',
        },
      ],
    },
  };
  assert.equal(evaluateKyverno(policy([quoted]), cronjob).at(0)?.result, 'skip');
  const kindRule = {
    name: 'k',
    match: podMatch,
    validate: {
      deny: {
        conditions: [{ key: '{{ request.object.kind }}', operator: 'Equals', value: 'CronJob' }],
      },
    },
  };
  assert.equal(evaluateKyverno(policy([kindRule]), cronjob).at(0)?.result, 'fail');
  const broken = resource({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd' },
    spec: { template: 'nope' },
  });
  assert.deepEqual(evaluateKyverno(policy([noLatest]), broken), []);
});

test('anyPattern passes when one pattern holds and skips when none applies', () => {
  const rule = (anyPattern: unknown[]) =>
    policy([{ name: 'a', match: podMatch, validate: { message: 'm', anyPattern } }]);
  const target = pod([{ name: 'c', image: 'x:1' }]);
  assert.equal(
    evaluateKyverno(
      rule([{ spec: { hostNetwork: true } }, { spec: { containers: [{ image: '*:1' }] } }]),
      target,
    ).at(0)?.result,
    'pass',
  );
  assert.equal(
    evaluateKyverno(
      rule([{ spec: { hostNetwork: true } }, { spec: { containers: [{ image: '*:2' }] } }]),
      target,
    ).at(0)?.result,
    'fail',
  );
  assert.equal(
    evaluateKyverno(rule([{ spec: { containers: [{ '(name)': 'z', image: '*:2' }] } }]), target).at(
      0,
    )?.result,
    'skip',
  );
});
