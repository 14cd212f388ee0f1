import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { discoverFiles } from '../../src/ingest/discover.js';
import { ingestPaths } from '../../src/ingest/ingest.js';

let root = '';

/** A repository-like tree: plain manifests beside a chart and a kustomization, nested. */
const files: Readonly<Record<string, string>> = {
  'plain/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\n',
  'apps/web/chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\n',
  'apps/web/chart/values.yaml': 'replicas: 2\n',
  'apps/web/chart/templates/deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ .Release.Name }}-web',
    'spec:',
    '  replicas: {{ .Values.replicas }}',
    '  {{- if .Values.missing }}',
    '  paused: true',
    '  {{- end }}',
    '',
  ].join('\n'),
  // A subchart: rendered as part of its parent, never on its own.
  'apps/web/chart/charts/sub/Chart.yaml': 'apiVersion: v2\nname: sub\nversion: 0.1.0\n',
  'apps/web/chart/charts/sub/templates/sa.yaml':
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {{ .Chart.Name }}\n',
  'deploy/overlays/prod/kustomization.yaml':
    'namePrefix: prod-\nresources:\n  - ../../base\n  - extra.yaml\n',
  'deploy/overlays/prod/extra.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: extra\n',
  'deploy/base/kustomization.yaml': 'resources:\n  - svc.yaml\n',
  'deploy/base/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n',
};

before(() => {
  root = mkdtempSync(join(tmpdir(), 'cubecape-projects-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
});
after(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('charts and kustomizations inside a scanned directory', () => {
  test('are rendered, and their raw files are not read as YAML', async () => {
    const result = await ingestPaths([root], {});
    assert.deepEqual(result.issues, []);
    const names = result.resources.map((r) => `${r.kind}/${r.name}`).sort();
    assert.deepEqual(names, [
      'ConfigMap/plain',
      'Deployment/release-name-web',
      'Secret/prod-extra',
      'Service/prod-svc',
      'Service/svc',
      'ServiceAccount/sub',
    ]);
    const types = result.inputs.map((i) => `${i.type}:${relative(root, i.target)}`);
    assert.deepEqual(types, [
      'file:',
      'helm:apps/web/chart',
      'kustomize:deploy/base',
      'kustomize:deploy/overlays/prod',
    ]);
  });

  test('chart resources point at their template file', async () => {
    const result = await ingestPaths([root], {});
    const deployment = result.resources.find((r) => r.kind === 'Deployment');
    assert.equal(
      relative(root, deployment?.origin?.file ?? ''),
      'apps/web/chart/templates/deploy.yaml',
    );
  });

  test('discoverFiles without renderProjects still lists every manifest file (policy reading)', async () => {
    const discovery = await discoverFiles([root]);
    assert.deepEqual(discovery.projects, []);
    const listed = discovery.files.map((f) => relative(root, f.path));
    assert.ok(listed.includes('apps/web/chart/templates/deploy.yaml'));
    assert.ok(listed.includes('deploy/base/kustomization.yaml'));
  });

  test('a broken chart inside the tree is an issue naming its template, not a YAML error', async () => {
    const dir = mkdtempSync(join(root, 'broken-'));
    mkdirSync(join(dir, 'c/templates'), { recursive: true });
    writeFileSync(join(dir, 'c/Chart.yaml'), 'apiVersion: v2\nname: c\nversion: 0.1.0\n');
    writeFileSync(
      join(dir, 'c/templates/x.yaml'),
      'a: {{ .Values.x | required "x is required" }}\n',
    );
    const result = await ingestPaths([dir], {});
    assert.equal(result.resources.length, 0);
    assert.equal(result.issues.length, 1);
    assert.notEqual(result.issues[0]?.code, 'YAML_SYNTAX');
    assert.match(result.issues[0]?.file ?? '', /c\/templates\/x\.yaml$/);
    assert.match(result.issues[0]?.message ?? '', /x is required/);
  });
});
