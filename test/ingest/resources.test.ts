import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assignIds, documentsToDrafts } from '../../src/ingest/resources.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';
import { parseYamlStream } from '../../src/ingest/yaml-stream.js';

describe('resource envelopes', () => {
  test('fields of a namespaced resource in a named group', () => {
    const text =
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: prod\n';
    const [resource] = parseYamlDocuments(text, 'd.yaml').resources;
    assert.ok(resource !== undefined);
    assert.equal(resource.id, 'apps/Deployment/prod/web');
    assert.equal(resource.apiVersion, 'apps/v1');
    assert.equal(resource.group, 'apps');
    assert.equal(resource.kind, 'Deployment');
    assert.equal(resource.name, 'web');
    assert.equal(resource.namespace, 'prod');
    assert.deepEqual(resource.origin?.file, 'd.yaml');
    assert.deepEqual(resource.origin.documentIndex, 0);
    assert.deepEqual(resource.object['metadata'], { name: 'web', namespace: 'prod' });
  });

  const names: readonly (readonly [string, string, string | undefined])[] = [
    ['metadata: {name: a}', 'a', undefined],
    ['metadata: {generateName: job-}', 'job-*', undefined],
    ['metadata: {name: "", generateName: x-}', 'x-*', undefined],
    ['metadata: {}', '<unnamed>', undefined],
    ['metadata: null', '<unnamed>', undefined],
    ['metadata: [1, 2]', '<unnamed>', undefined],
    ['metadata: {name: 123}', '123', undefined],
    ['metadata: {name: {a: 1}, namespace: [x]}', '<unnamed>', undefined],
    ['metadata: {name: a, namespace: ""}', 'a', undefined],
    ['metadata: {name: a, namespace: kube-system}', 'a', 'kube-system'],
    ['spec: {}', '<unnamed>', undefined],
  ];
  for (const [metadata, name, namespace] of names) {
    test(`name and namespace from ${metadata}`, () => {
      const [resource] = parseYamlDocuments(
        `apiVersion: v1\nkind: Pod\n${metadata}\n`,
        'p.yaml',
      ).resources;
      assert.ok(resource !== undefined);
      assert.equal(resource.name, name);
      assert.equal(resource.namespace, namespace);
      assert.equal(resource.group, '');
      assert.ok(resource.id.startsWith('core/Pod/'));
    });
  }
});

describe('documents that are not Kubernetes objects', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['scalar', 'just text\n'],
    ['sequence', '- a\n- b\n'],
    ['mapping without apiVersion and kind', 'foo: bar\n'],
    ['no kind', 'apiVersion: v1\nmetadata: {name: x}\n'],
    ['no apiVersion', 'kind: Pod\n'],
    ['kind is not a string', 'apiVersion: v1\nkind: [Pod]\n'],
    ['apiVersion is a number', 'apiVersion: 1\nkind: Pod\n'],
    ['empty kind', 'apiVersion: v1\nkind: ""\n'],
    // `{{ … }}` parses as a mapping, so `kind` is not a string.
    ['unrendered template', 'apiVersion: v1\nkind: {{ .Values.kind }}\n'],
  ];
  for (const [name, body] of cases) {
    test(`${name} → NOT_KUBERNETES warning with file and line`, () => {
      const { resources, issues } = parseYamlDocuments(
        `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\n${body}`,
        'mixed.yaml',
      );
      assert.deepEqual(
        resources.map((r) => r.name),
        ['ok'],
      );
      assert.equal(issues.length, 1);
      assert.equal(issues[0]?.code, 'NOT_KUBERNETES');
      assert.equal(issues[0].severity, 'warning');
      assert.equal(issues[0].file, 'mixed.yaml');
      assert.equal(issues[0].line, 5);
      assert.match(issues[0].message, /document 2/);
    });
  }
});

describe('List expansion', () => {
  test('kind: List items become resources with their own positions', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: v1',
      '  kind: Service',
      '  metadata: {name: svc, namespace: a}',
      '- apiVersion: apps/v1',
      '  kind: Deployment',
      '  metadata: {name: web, namespace: a}',
      '- just a string',
      '- {metadata: {name: no-kind}}',
      '',
    ].join('\n');
    const { resources, issues } = parseYamlDocuments(text, 'list.yaml');
    assert.deepEqual(
      resources.map((r) => r.id),
      ['core/Service/a/svc', 'apps/Deployment/a/web'],
    );
    assert.deepEqual(
      resources.map((r) => r.origin?.position.line),
      [4, 7],
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.line]),
      [
        ['NOT_KUBERNETES', 10],
        ['NOT_KUBERNETES', 11],
      ],
    );
  });

  test('typed lists lend apiVersion and kind to items that lack them', () => {
    const text =
      'apiVersion: apps/v1\nkind: DeploymentList\nitems:\n- metadata: {name: a}\n- kind: StatefulSet\n  metadata: {name: b}\n';
    const { resources, issues } = parseYamlDocuments(text, 'dl.yaml');
    assert.deepEqual(issues, []);
    assert.deepEqual(
      resources.map((r) => [r.apiVersion, r.kind, r.name]),
      [
        ['apps/v1', 'Deployment', 'a'],
        ['apps/v1', 'StatefulSet', 'b'],
      ],
    );
    assert.equal(resources[0]?.object['kind'], 'Deployment');
  });

  test('empty and malformed lists', () => {
    assert.deepEqual(parseYamlDocuments('apiVersion: v1\nkind: List\nitems: []\n', 'l.yaml'), {
      resources: [],
      issues: [],
    });
    // `items` that is not a sequence: not a list to expand, so the object is a resource itself.
    const { resources } = parseYamlDocuments(
      'apiVersion: v1\nkind: PodList\nitems: {}\n',
      'l.yaml',
    );
    assert.deepEqual(
      resources.map((r) => r.kind),
      ['PodList'],
    );
  });
});

describe('ids', () => {
  test('collisions get a deterministic file#document suffix; the first keeps the plain id', () => {
    const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: same}\n';
    const first = parseYamlStream(`${doc}---\n${doc}`, 'a.yaml');
    const second = parseYamlStream(
      `apiVersion: v1\nkind: List\nitems:\n- ${doc.replaceAll('\n', '\n  ')}`,
      'b.yaml',
    );
    const drafts = [
      ...documentsToDrafts(first.documents, 'a.yaml').drafts,
      ...documentsToDrafts(second.documents, 'b.yaml').drafts,
    ];
    const ids = assignIds(drafts).map((r) => r.id);
    assert.deepEqual(ids, [
      'core/ConfigMap//same',
      'core/ConfigMap//same@a.yaml#1',
      'core/ConfigMap//same@b.yaml#0/0',
    ]);
    assert.deepEqual(
      assignIds(drafts).map((r) => r.id),
      ids,
      'same input, same ids',
    );
  });

  test('same name in different namespaces or kinds is no collision', () => {
    const text = ['Pod', 'Service']
      .flatMap((kind) =>
        ['a', 'b'].map(
          (ns) => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: x, namespace: ${ns}}\n`,
        ),
      )
      .join('---\n');
    const ids = parseYamlDocuments(text, 'f.yaml').resources.map((r) => r.id);
    assert.deepEqual(ids, ['core/Pod/a/x', 'core/Pod/b/x', 'core/Service/a/x', 'core/Service/b/x']);
  });
});
