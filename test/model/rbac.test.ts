import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildRbacGraph,
  parsePolicyRule,
  ruleAllows,
  type PolicyRule,
} from '../../src/model/rbac.js';
import { makeResource } from './make-resource.js';

const API = 'rbac.authorization.k8s.io/v1';

function clusterRole(name: string, rules: unknown, extra: Record<string, unknown> = {}) {
  return makeResource({
    apiVersion: API,
    kind: 'ClusterRole',
    metadata: { name, ...extra },
    rules,
  });
}

const resources = [
  makeResource({
    apiVersion: API,
    kind: 'Role',
    metadata: { name: 'reader', namespace: 'team' },
    rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }, 'junk'],
  }),
  clusterRole('monitoring', [], { labels: { agg: 'true' } }),
  clusterRole('aggregate', [], {}),
  clusterRole('secrets-reader', [{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], {
    labels: { agg: 'true' },
  }),
  clusterRole('metrics', [{ apiGroups: ['metrics.k8s.io'], resources: ['*'], verbs: ['list'] }], {
    labels: { nested: 'yes' },
  }),
  makeResource({
    apiVersion: API,
    kind: 'RoleBinding',
    metadata: { name: 'rb', namespace: 'team' },
    roleRef: { kind: 'Role', name: 'reader' },
    subjects: [{ kind: 'ServiceAccount', name: 'app' }, { kind: 'User', name: 'alice' }, null],
  }),
  makeResource({
    apiVersion: API,
    kind: 'ClusterRoleBinding',
    metadata: { name: 'crb' },
    roleRef: { kind: 'ClusterRole', name: 'aggregate' },
    subjects: [{ kind: 'Group', name: 'ops' }],
  }),
  makeResource({
    apiVersion: API,
    kind: 'RoleBinding',
    metadata: { name: 'dangling', namespace: 'team' },
    roleRef: { kind: 'ClusterRole', name: 'missing' },
    subjects: [{ kind: 'User', name: 'alice' }],
  }),
  makeResource({
    apiVersion: API,
    kind: 'RoleBinding',
    metadata: { name: 'hostile', namespace: 'team' },
    roleRef: 'x',
    subjects: 'y',
  }),
];
// The aggregating role selects by label; 'monitoring' itself aggregates 'metrics' (nested).
(resources[2]!.object as Record<string, unknown>)['aggregationRule'] = {
  clusterRoleSelectors: [{ matchLabels: { agg: 'true' } }],
};
(resources[1]!.object as Record<string, unknown>)['aggregationRule'] = {
  clusterRoleSelectors: [{ matchLabels: { nested: 'yes' } }],
};

test('subjects, bindings and missing roles', () => {
  const graph = buildRbacGraph(resources);
  assert.deepEqual(
    graph.subjects().map((s) => [s.kind, s.namespace, s.name]),
    [
      ['ServiceAccount', 'team', 'app'],
      ['User', undefined, 'alice'],
      ['Group', undefined, 'ops'],
    ],
  );
  const alice = graph.bindingsFor({ kind: 'User', name: 'alice' });
  assert.deepEqual(
    alice.map((b) => [b.resource.name, b.role?.resource.name]),
    [
      ['rb', 'reader'],
      ['dangling', undefined],
    ],
  );
  const hostile = graph.bindings.find((b) => b.resource.name === 'hostile');
  assert.ok(hostile);
  assert.equal(hostile.roleRef, undefined);
  assert.deepEqual(hostile.subjects, []);
});

test('rulesFor returns each rule with its chain and scope', () => {
  const graph = buildRbacGraph(resources);
  const rules = graph.rulesFor({ kind: 'ServiceAccount', name: 'app', namespace: 'team' });
  assert.equal(rules.length, 1);
  const [rule] = rules;
  assert.ok(rule);
  assert.equal(rule.binding.name, 'rb');
  assert.equal(rule.role.name, 'reader');
  assert.deepEqual(rule.rulePath, ['rules', 0]);
  assert.deepEqual(rule.subjectPath, ['subjects', 0]);
  assert.equal(rule.clusterWide, false);
  assert.equal(rule.namespace, 'team');
  assert.equal(graph.rulesFor({ kind: 'User', name: 'nobody' }).length, 0);
});

test('aggregated ClusterRoles collect matching roles transitively', () => {
  const graph = buildRbacGraph(resources);
  const rules = graph.rulesFor({ kind: 'Group', name: 'ops' });
  assert.deepEqual(
    rules.map((r) => [r.ruleSource.name, r.rulePath, r.role.name, r.clusterWide]).sort(),
    [
      ['metrics', ['rules', 0], 'aggregate', true],
      ['secrets-reader', ['rules', 0], 'aggregate', true],
    ],
  );
  const grants = graph.grants({ verb: 'get', group: '', resource: 'secrets', name: 'db' });
  assert.deepEqual(
    grants.map((g) => g.subject.name),
    ['ops'],
  );
  assert.equal(graph.findRole('Role', 'team', 'reader')?.rules.length, 1);
  assert.equal(graph.findRole('Role', 'other', 'reader'), undefined);
});

test('aggregation cycles terminate', () => {
  const a = clusterRole('a', [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }], {
    labels: { ring: 'a' },
  });
  const b = clusterRole('b', [{ verbs: ['list'], apiGroups: [''], resources: ['pods'] }], {
    labels: { ring: 'b' },
  });
  (a.object as Record<string, unknown>)['aggregationRule'] = {
    clusterRoleSelectors: [{ matchLabels: { ring: 'b' } }],
  };
  (b.object as Record<string, unknown>)['aggregationRule'] = {
    clusterRoleSelectors: [{ matchLabels: { ring: 'a' } }],
  };
  const graph = buildRbacGraph([a, b]);
  assert.equal(graph.findRole('ClusterRole', undefined, 'a')?.rules.length, 2);
});

test('ruleAllows wildcard semantics', () => {
  const rule = (value: Partial<PolicyRule>): PolicyRule => ({
    apiGroups: [''],
    resources: [],
    verbs: [],
    resourceNames: [],
    nonResourceURLs: [],
    ...value,
  });
  const cases: [string, PolicyRule, Parameters<typeof ruleAllows>[1], boolean][] = [
    [
      'exact',
      rule({ resources: ['pods'], verbs: ['get'] }),
      { verb: 'get', group: '', resource: 'pods' },
      true,
    ],
    [
      'verb miss',
      rule({ resources: ['pods'], verbs: ['get'] }),
      { verb: 'delete', group: '', resource: 'pods' },
      false,
    ],
    [
      'verb wildcard',
      rule({ resources: ['pods'], verbs: ['*'] }),
      { verb: 'delete', group: '', resource: 'pods' },
      true,
    ],
    [
      'group miss',
      rule({ resources: ['deployments'], verbs: ['get'] }),
      { verb: 'get', group: 'apps', resource: 'deployments' },
      false,
    ],
    [
      'group wildcard',
      rule({ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }),
      { verb: 'get', group: 'apps', resource: 'deployments' },
      true,
    ],
    [
      'subresource needs its own entry',
      rule({ resources: ['pods'], verbs: ['create'] }),
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec' },
      false,
    ],
    [
      'subresource entry',
      rule({ resources: ['pods/exec'], verbs: ['create'] }),
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec' },
      true,
    ],
    [
      'star subresource',
      rule({ resources: ['*/scale'], verbs: ['update'] }),
      { verb: 'update', group: '', resource: 'deployments', subresource: 'scale' },
      true,
    ],
    [
      'star resource covers subresources',
      rule({ resources: ['*'], verbs: ['create'] }),
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec' },
      true,
    ],
    [
      'resourceNames hit',
      rule({ resources: ['secrets'], verbs: ['get'], resourceNames: ['a'] }),
      { verb: 'get', group: '', resource: 'secrets', name: 'a' },
      true,
    ],
    [
      'resourceNames miss',
      rule({ resources: ['secrets'], verbs: ['get'], resourceNames: ['a'] }),
      { verb: 'get', group: '', resource: 'secrets', name: 'b' },
      false,
    ],
    [
      'resourceNames need a name',
      rule({ resources: ['secrets'], verbs: ['list'], resourceNames: ['a'] }),
      { verb: 'list', group: '', resource: 'secrets' },
      false,
    ],
  ];
  for (const [name, value, request, expected] of cases)
    assert.equal(ruleAllows(value, request), expected, name);
});

test('parsePolicyRule normalises hostile rules', () => {
  assert.equal(parsePolicyRule('x'), undefined);
  assert.deepEqual(parsePolicyRule({ verbs: ['get', 3, null], resources: 'pods' }), {
    apiGroups: [],
    resources: [],
    verbs: ['get'],
    resourceNames: [],
    nonResourceURLs: [],
  });
});
