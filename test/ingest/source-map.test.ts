import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { JsonPath } from '../../src/core/json-path.js';
import type { SourceMap } from '../../src/model/resource.js';
import { parseYamlStream } from '../../src/ingest/yaml-stream.js';
import { parseYamlDocuments } from '../../src/ingest/yaml.js';

type Expectation = readonly [path: JsonPath, line: number, column: number, exact?: boolean];

function mapOf(text: string, document = 0): SourceMap {
  const found = parseYamlStream(text, 'f.yaml').documents.find((doc) => doc.index === document);
  assert.ok(found !== undefined, `document ${document} parsed`);
  return found.sourceMap;
}

function check(map: SourceMap, expectations: readonly Expectation[]): void {
  for (const [path, line, column, exact = true] of expectations) {
    assert.deepEqual(map.locate(path), { position: { line, column }, exact }, JSON.stringify(path));
  }
}

const BLOCK = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: app
        image: nginx
        securityContext:
          privileged: true
      -
        name: sidecar
        ports:
        - containerPort: 80
        - containerPort: 443
        args:
          - a
          - |
            multi
            line
          - c
      volumes: []
`;

describe('SourceMap.locate', () => {
  test('block style: mapping values at their key, sequence items at the item', () => {
    check(mapOf(BLOCK), [
      [[], 1, 1],
      [['kind'], 2, 1],
      [['metadata', 'name'], 4, 3],
      [['spec', 'template', 'spec', 'containers'], 8, 7],
      [['spec', 'template', 'spec', 'containers', 0], 9, 9],
      [['spec', 'template', 'spec', 'containers', 0, 'securityContext'], 11, 9],
      [['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged'], 12, 11],
      [['spec', 'template', 'spec', 'containers', 1], 14, 9],
      [['spec', 'template', 'spec', 'containers', 1, 'ports', 1], 17, 11],
      [['spec', 'template', 'spec', 'containers', 1, 'ports', 1, 'containerPort'], 17, 11],
      [['spec', 'template', 'spec', 'containers', 1, 'args', 0], 19, 13],
      [['spec', 'template', 'spec', 'containers', 1, 'args', 1], 20, 13],
      [['spec', 'template', 'spec', 'containers', 1, 'args', 2], 23, 13],
      [['spec', 'template', 'spec', 'volumes'], 24, 7],
    ]);
  });

  test('missing paths answer with the deepest existing ancestor, inexact', () => {
    check(mapOf(BLOCK), [
      [['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'runAsUser'], 11, 9, false],
      [['spec', 'template', 'spec', 'containers', 5, 'image'], 8, 7, false],
      [['spec', 'template', 'spec', 'volumes', 0], 24, 7, false],
      [['status'], 1, 1, false],
      [['kind', 'deeper'], 2, 1, false],
      [['spec', 'template', 'spec', 'containers', 'name'], 8, 7, false],
      [['metadata', 0], 3, 1, false],
    ]);
  });

  test('flow style', () => {
    const text = 'spec: {containers: [{name: a, image: "x:1"}, {name: b, ports: [80, [1, 2]]}]}\n';
    check(mapOf(text), [
      [['spec'], 1, 1],
      [['spec', 'containers'], 1, 8],
      [['spec', 'containers', 0], 1, 21],
      [['spec', 'containers', 0, 'image'], 1, 31],
      [['spec', 'containers', 1, 'ports', 0], 1, 64],
      [['spec', 'containers', 1, 'ports', 1, 1], 1, 72],
      [['spec', 'containers', 1, 'missing'], 1, 46, false],
    ]);
  });

  test('JSON', () => {
    const text =
      '{\n  "kind": "Pod",\n  "spec": {\n    "containers": [\n      {"name": "a"},\n      {\n        "name": "b"\n      }\n    ]\n  }\n}\n';
    check(mapOf(text), [
      [[], 1, 1],
      [['kind'], 2, 3],
      [['spec', 'containers', 0, 'name'], 5, 8],
      [['spec', 'containers', 1], 6, 7],
      [['spec', 'containers', 1, 'name'], 7, 9],
      [['spec', 'containers', 2], 4, 5, false],
    ]);
  });

  test('nested arrays and compact forms', () => {
    const text = 'matrix:\n- - 1\n  - 2\n- [3, 4]\n- - - 5\n';
    check(mapOf(text), [
      [['matrix', 0, 1], 3, 5],
      [['matrix', 1], 4, 3],
      [['matrix', 1, 1], 4, 7],
      [['matrix', 2, 0, 0], 5, 7],
    ]);
  });

  test('later documents of a stream use file lines', () => {
    const text = 'a: 1\n---\n# comment\nb:\n  c: [1, 2]\n';
    check(mapOf(text, 1), [
      [[], 4, 1],
      [['b', 'c', 1], 5, 10],
    ]);
  });

  test('merge keys and aliases: keys found in the anchored definition', () => {
    const text =
      'base: &base\n  cpu: 1\n  memory: 2\nlimits:\n  <<: *base\n  memory: 3\nalias: *base\n';
    check(mapOf(text), [
      [['limits', 'memory'], 6, 3],
      [['limits', 'cpu'], 2, 3],
      [['alias', 'memory'], 3, 3],
      [['limits', 'disk'], 4, 1, false],
    ]);
  });

  test('empty collections, also inside wrappers and behind aliases', () => {
    const text = 'a: []\nb: {}\nc:\n- {}\n- []\n- &e {}\n- *e\nd: *e\n';
    check(mapOf(text), [
      [['a'], 1, 1],
      [['a', 0], 1, 1, false],
      [['b', 'x'], 2, 1, false],
      [['c', 0], 4, 3],
      [['c', 0, 'x'], 4, 3, false],
      [['c', 1, 0], 5, 3, false],
      [['c', 3], 7, 3],
      [['d', 'x'], 8, 1, false],
    ]);
  });

  test('empty values and explicit nulls', () => {
    const text = 'a:\nb: ~\nc:\n  - \n  - x\n';
    check(mapOf(text), [
      [['a'], 1, 1],
      [['b'], 2, 1],
      [['c', 1], 5, 5],
    ]);
  });

  test('List items map relative to the item', () => {
    const text =
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: b\n';
    const { resources } = parseYamlDocuments(text, 'list.yaml');
    const second = resources[1]?.origin;
    assert.ok(second !== undefined);
    assert.deepEqual(second.position, { line: 7, column: 3 });
    check(second.sourceMap, [
      [[], 7, 3],
      [['metadata', 'name'], 10, 5],
      [['spec'], 7, 3, false],
    ]);
    check(resources[0]!.origin!.sourceMap, [[['metadata', 'name'], 6, 14]]);
  });

  test('positions without recording are undefined, not wrong', () => {
    const [doc] = parseYamlStream('a: 1\n', 'f.yaml', { recordPositions: false }).documents;
    assert.equal(doc?.sourceMap.locate(['a']), undefined);
    assert.deepEqual(doc?.position, { line: 1, column: 1 });
  });
});
