import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { ingestPaths } from '../../../src/ingest/ingest.js';
import {
  buildKustomization,
  isKustomizationPath,
  readKustomizationResources,
} from '../../../src/ingest/kustomize/index.js';
import { runCli } from '../../cli/run-cli.js';
import { writeTree } from '../helm/chart/fixtures.js';

const FIXTURES = 'test/fixtures/kustomize';

describe('kustomize origins', () => {
  it('points resources at the base file and line they came from', async () => {
    const built = await buildKustomization(join(FIXTURES, 'overlay-prefix-namespace'));
    const deployment = built.find((r) => r.object['kind'] === 'Deployment');
    assert.ok(deployment);
    assert.equal(deployment.origin.file, join(FIXTURES, 'overlay-prefix-namespace/base/app.yaml'));
    assert.equal(deployment.origin.documentIndex, 3);
    const text = readFileSync(deployment.origin.file, 'utf8').split('\n');
    assert.equal(text[deployment.origin.position.line - 1], 'apiVersion: apps/v1');
    // Fields keep their positions in the base file.
    const image = deployment.origin.sourceMap.locate([
      'spec',
      'template',
      'spec',
      'containers',
      0,
      'image',
    ]);
    assert.ok(image);
    assert.match(text[image.position.line - 1] ?? '', /image: example\/api:1\.0/);
  });

  it('points generated resources at the kustomization file', async () => {
    const built = await buildKustomization(join(FIXTURES, 'configmap-generator'));
    const generated = built.filter((r) => r.object['kind'] === 'ConfigMap');
    assert.equal(generated.length, 3);
    for (const resource of generated)
      assert.equal(resource.origin.file, join(FIXTURES, 'configmap-generator/kustomization.yaml'));
  });

  it('keeps input order when asked', async () => {
    const built = await buildKustomization(join(FIXTURES, 'ordering'), { order: 'none' });
    assert.deepEqual(
      built.slice(0, 2).map((r) => r.object['kind']),
      ['ValidatingWebhookConfiguration', 'Widget'],
    );
  });
});

describe('isKustomizationPath', () => {
  const root = writeTree(
    {
      'a/kustomization.yaml': 'resources: []\n',
      'b/kustomization.yml': 'resources: []\n',
      'c/Kustomization': 'resources: []\n',
      'd/deployment.yaml': 'kind: Deployment\n',
      'e/kustomization.yaml/x': 'not a file\n',
    },
    'cubecape-kustomize-',
  );
  const cases: [string, boolean][] = [
    ['a', true],
    ['b', true],
    ['c', true],
    ['d', false],
    ['e', false],
    ['a/kustomization.yaml', false],
    ['missing', false],
  ];
  for (const [dir, expected] of cases)
    it(`${dir} → ${String(expected)}`, async () => {
      assert.equal(await isKustomizationPath(join(root, dir)), expected);
    });
});

describe('ingestPaths with kustomizations', () => {
  it('builds a kustomization directory instead of reading its files', async () => {
    const dir = join(FIXTURES, 'secret-generator');
    const result = await ingestPaths([dir], {});
    assert.deepEqual(result.issues, []);
    assert.deepEqual(result.inputs, [{ type: 'kustomize', target: dir }]);
    const expected = parseAllDocuments(readFileSync(join(dir, 'expected.yaml'), 'utf8')).map(
      (d) => d.toJS() as { kind: string; metadata: { name: string } },
    );
    assert.deepEqual(
      result.resources.map((r) => `${r.kind}/${r.name}`),
      expected.map((o) => `${o.kind}/${o.metadata.name}`),
    );
    assert.ok(result.resources.every((r) => r.origin?.file.startsWith(dir) === true));
  });

  it('reports a broken kustomization as an issue and reads the other paths', async () => {
    const root = writeTree(
      {
        'broken/kustomization.yaml': 'resources:\n  - https://example.com/base\n',
        'plain/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n',
      },
      'cubecape-kustomize-',
    );
    const result = await ingestPaths([join(root, 'broken'), join(root, 'plain')], {});
    assert.equal(result.resources.length, 1);
    assert.equal(result.issues.length, 1);
    const [issue] = result.issues;
    assert.equal(issue?.code, 'KUSTOMIZE_BUILD');
    assert.equal(issue.severity, 'error');
  });

  it('readKustomizationResources never throws for a missing directory', async () => {
    const result = await readKustomizationResources('/nonexistent/cubecape/kustomize');
    assert.equal(result.drafts.length, 0);
    assert.equal(result.issues.length, 1);
  });
});

describe('cubecape render with a kustomization', () => {
  it('prints what kustomize build prints', async () => {
    const dir = join(FIXTURES, 'generator-merge');
    const run = await runCli(['render', dir]);
    assert.equal(run.code, 0, run.stderr);
    const docs = parseAllDocuments(run.stdout).map((d) => d.toJS() as unknown);
    const expected = parseAllDocuments(readFileSync(join(dir, 'expected.yaml'), 'utf8')).map(
      (d) => d.toJS() as unknown,
    );
    assert.deepEqual(docs, expected);
  });

  it('exits 3 with the location when the build fails', async () => {
    const root = writeTree(
      { 'kustomization.yaml': 'resources:\n  - ./missing.yaml\n' },
      'cubecape-kustomize-',
    );
    const run = await runCli(['render', root]);
    assert.equal(run.code, 3);
    assert.match(run.stderr, /missing\.yaml.*\[PATH_NOT_FOUND\]/);
    assert.match(run.lastStderrLine, /kustomization could not be built/);
  });
});
