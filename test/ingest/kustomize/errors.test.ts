import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { isCubecapeError } from '../../../src/core/errors.js';
import { buildKustomization } from '../../../src/ingest/kustomize/index.js';
import { writeTree } from '../helm/chart/fixtures.js';

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: app',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: app',
  '          image: nginx',
  '',
].join('\n');

interface ErrorCase {
  readonly name: string;
  readonly files: Record<string, string>;
  /** Directory to build, relative to the tree. */
  readonly build?: string;
  readonly code: string;
  /** A fragment the message must carry so a user knows what to do. */
  readonly mentions: RegExp;
}

const CASES: readonly ErrorCase[] = [
  {
    name: 'remote base by URL',
    files: { 'kustomization.yaml': 'resources:\n  - https://github.com/org/repo//base?ref=v1\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /vendor the base locally/,
  },
  {
    name: 'remote base by git shorthand',
    files: { 'kustomization.yaml': 'resources:\n  - github.com/org/repo/base\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /network access/,
  },
  {
    name: 'remote component',
    files: { 'kustomization.yaml': 'components:\n  - git@github.com:org/repo.git\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /network access/,
  },
  {
    name: 'cycle between two kustomizations',
    files: {
      'a/kustomization.yaml': 'resources:\n  - ../b\n',
      'b/kustomization.yaml': 'resources:\n  - ../a\n',
    },
    build: 'a',
    code: 'KUSTOMIZE_BUILD',
    mentions: /cycle/,
  },
  {
    name: 'kustomization including itself',
    files: { 'kustomization.yaml': 'resources:\n  - .\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /cycle/,
  },
  {
    name: 'missing resource file',
    files: { 'kustomization.yaml': 'resources:\n  - nope.yaml\n' },
    code: 'PATH_NOT_FOUND',
    mentions: /nope\.yaml/,
  },
  {
    name: 'directory without a kustomization',
    files: { 'kustomization.yaml': 'resources:\n  - plain\n', 'plain/x.yaml': DEPLOYMENT },
    code: 'KUSTOMIZE_BUILD',
    mentions: /no kustomization/,
  },
  {
    name: 'no kustomization at all',
    files: { 'x.yaml': DEPLOYMENT },
    code: 'KUSTOMIZE_BUILD',
    mentions: /no kustomization/,
  },
  {
    name: 'patch file outside the root',
    files: {
      'overlay/kustomization.yaml':
        'resources:\n  - app.yaml\npatches:\n  - path: ../secret.yaml\n',
      'overlay/app.yaml': DEPLOYMENT,
      'secret.yaml': DEPLOYMENT,
    },
    build: 'overlay',
    code: 'KUSTOMIZE_BUILD',
    mentions: /outside the kustomization root/,
  },
  {
    name: 'the same resource twice',
    files: {
      'kustomization.yaml': 'resources:\n  - a.yaml\n  - b.yaml\n',
      'a.yaml': DEPLOYMENT,
      'b.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /defined twice/,
  },
  {
    name: 'a Component listed as a resource',
    files: {
      'kustomization.yaml': 'resources:\n  - comp\n',
      'comp/kustomization.yaml': 'kind: Component\n',
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /components/,
  },
  {
    name: 'a Kustomization listed as a component',
    files: {
      'kustomization.yaml': 'components:\n  - base\n',
      'base/kustomization.yaml': 'resources: []\n',
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /not a Component/,
  },
  {
    name: 'kustomization is a list',
    files: { 'kustomization.yaml': '- a\n- b\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /mapping/,
  },
  {
    name: 'kustomization is not YAML',
    files: { 'kustomization.yaml': 'resources: [\n' },
    code: 'YAML_SYNTAX',
    mentions: /YAML/,
  },
  {
    name: 'resources is not a list of strings',
    files: { 'kustomization.yaml': 'resources:\n  - {a: 1}\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /list of strings/,
  },
  {
    name: 'generator without a name',
    files: { 'kustomization.yaml': 'configMapGenerator:\n  - literals: [a=b]\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /no name/,
  },
  {
    name: 'generator entry that is not a mapping',
    files: { 'kustomization.yaml': 'secretGenerator:\n  - just-a-string\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /not a mapping/,
  },
  {
    name: 'literal without a value separator',
    files: { 'kustomization.yaml': 'configMapGenerator:\n  - name: c\n    literals: [novalue]\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /KEY=VALUE/,
  },
  {
    name: 'merge into a generator that does not exist',
    files: {
      'kustomization.yaml':
        'configMapGenerator:\n  - name: c\n    behavior: merge\n    literals: [a=b]\n',
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /not found/,
  },
  {
    name: 'create a generator twice',
    files: {
      'kustomization.yaml':
        'configMapGenerator:\n  - name: c\n    literals: [a=b]\n  - name: c\n    literals: [c=d]\n',
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /already exists/,
  },
  {
    name: 'unknown generator behavior',
    files: { 'kustomization.yaml': 'configMapGenerator:\n  - name: c\n    behavior: upsert\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /behavior/,
  },
  {
    name: 'strategic merge patch for a resource that is not there',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - patch: |\n      kind: Deployment\n      apiVersion: apps/v1\n      metadata: {name: other}\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /not found/,
  },
  {
    name: 'JSON patch without a target',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - patch: "[{op: add, path: /x, value: 1}]"\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /target/,
  },
  {
    name: 'JSON patch replacing a missing field',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - target: {kind: Deployment}\n    patch: "[{op: replace, path: /spec/nope/x, value: 1}]"\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /does not exist/,
  },
  {
    name: 'JSON patch with an unknown op',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - target: {kind: Deployment}\n    patch: "[{op: frobnicate, path: /spec}]"\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /op/,
  },
  {
    name: 'failed JSON patch test',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - target: {kind: Deployment}\n    patch: "[{op: test, path: /kind, value: Pod}]"\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /test failed/,
  },
  {
    name: 'invalid target regex',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\npatches:\n  - target: {name: "(["}\n    patch: "[{op: add, path: /x, value: 1}]"\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /regex/,
  },
  {
    name: 'replicas for a resource that is not there',
    files: {
      'kustomization.yaml': 'resources: [app.yaml]\nreplicas:\n  - name: ghost\n    count: 2\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /ghost/,
  },
  {
    name: 'fields that would change the output but are not supported',
    files: { 'kustomization.yaml': 'transformers:\n  - t.yaml\nvars: []\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /vars, transformers are not supported/,
  },
  {
    name: 'replacement source that matches nothing',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\nreplacements:\n  - source: {kind: ConfigMap, name: nope}\n    targets: []\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /matches 0 resources/,
  },
  {
    name: 'replacement target without the field and without create',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\nreplacements:\n  - source: {kind: Deployment, name: app}\n    targets:\n      - select: {kind: Deployment}\n        fieldPaths: [spec.missing.field]\n',
      'app.yaml': DEPLOYMENT,
    },
    code: 'KUSTOMIZE_BUILD',
    mentions: /no field spec\.missing\.field/,
  },
  {
    name: 'replacement that is not a mapping',
    files: { 'kustomization.yaml': 'replacements:\n  - 42\n' },
    code: 'KUSTOMIZE_BUILD',
    mentions: /not a mapping/,
  },
  {
    name: 'resource file with broken YAML',
    files: { 'kustomization.yaml': 'resources: [bad.yaml]\n', 'bad.yaml': 'kind: [\n' },
    code: 'YAML_SYNTAX',
    mentions: /./,
  },
];

describe('kustomize build refuses what kustomize refuses', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const root = writeTree(testCase.files, 'cubecape-kustomize-');
      await assert.rejects(buildKustomization(join(root, testCase.build ?? '.')), (error) => {
        assert.ok(isCubecapeError(error), String(error));
        assert.equal(error.code, testCase.code, error.message);
        assert.match(error.message, testCase.mentions);
        return true;
      });
    });
  }

  it('catches a cycle through a symbolic link', async () => {
    const root = writeTree(
      { 'kustomization.yaml': 'resources:\n  - loop\n' },
      'cubecape-kustomize-',
    );
    symlinkSync(root, join(root, 'loop'));
    await assert.rejects(
      buildKustomization(root),
      (error) => isCubecapeError(error) && /cycle/.test(error.message),
    );
  });

  it('refuses names that collide after a namespace is set (fixture)', async () => {
    await assert.rejects(
      buildKustomization('test/fixtures/kustomize/namespace-conflict-error'),
      (error) => isCubecapeError(error) && /defined twice/.test(error.message),
    );
  });
});
