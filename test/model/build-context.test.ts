import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildScanContext } from '../../src/model/build-context.js';
import { makeResource } from './make-resource.js';

const resources = [
  makeResource({ kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'a' } }),
  makeResource({ kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'b' } }),
  makeResource({ kind: 'ServiceAccount', metadata: { name: 'default' } }),
  makeResource({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'a' },
  }),
  makeResource({ kind: 'Namespace', metadata: { name: 'a' } }),
  makeResource({
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: 'a', labels: { dup: 'yes' } },
  }),
];

test('indexes by kind, namespace and name', () => {
  const { resources: index, source, rbac } = buildScanContext(resources, { source: 'manifests' });
  assert.equal(source, 'manifests');
  assert.equal(index.all.length, 6);
  assert.equal(index.byKind('ServiceAccount').length, 4);
  assert.deepEqual(index.byKind('Secret'), []);
  assert.equal(index.inNamespace('a').length, 3);
  assert.deepEqual(
    index.inNamespace(undefined).map((r) => r.kind),
    ['ServiceAccount', 'Namespace'],
  );
  assert.equal(index.byKindInNamespace('ServiceAccount', 'b').length, 1);
  assert.equal(index.byKindInNamespace('Deployment', 'b').length, 0);
  assert.equal(
    index.find('ServiceAccount', 'a', 'default'),
    resources[0],
    'first of duplicates wins',
  );
  assert.equal(index.find('ServiceAccount', undefined, 'default'), resources[2]);
  assert.equal(
    index.find('ServiceAccount', '', 'default'),
    undefined,
    'empty namespace is not the missing one',
  );
  assert.equal(index.find('Deployment', 'a', 'nope'), undefined);
  assert.deepEqual(rbac.subjects(), []);
});

test('builds a large context in linear time', () => {
  const many = Array.from({ length: 20000 }, (_, i) =>
    makeResource({
      kind: i % 2 ? 'Pod' : 'ConfigMap',
      metadata: { name: `r${i}`, namespace: `ns${i % 50}` },
    }),
  );
  const started = performance.now();
  const context = buildScanContext(many, { source: 'cluster' });
  const elapsed = performance.now() - started;
  assert.equal(context.resources.byKindInNamespace('Pod', 'ns1').length, 400);
  assert.equal(context.resources.byKindInNamespace('Pod', 'ns0').length, 0);
  assert.equal(context.resources.byKind('ConfigMap').length, 10000);
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
});
