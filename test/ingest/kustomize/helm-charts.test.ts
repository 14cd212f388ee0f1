import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../src/core/errors.js';
import { buildKustomization } from '../../../src/ingest/kustomize/index.js';
import { simpleChart, writeTree } from '../helm/chart/fixtures.js';

function inCharts(
  name: string,
  files: Record<string, string>,
  prefix = 'charts',
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [`${prefix}/${name}/${path}`, text]),
  );
}

describe('helmCharts through the in-process Helm engine', () => {
  it('renders a vendored chart with inline values over values files, then transforms it', async () => {
    const root = writeTree(
      {
        ...inCharts('web', simpleChart('web')),
        'values.yaml': 'replicas: 2\nimage: nginx:1.26\n',
        'kustomization.yaml': [
          'namePrefix: k-',
          'helmCharts:',
          '  - name: web',
          '    releaseName: rel',
          '    valuesFile: values.yaml',
          '    valuesInline:',
          '      replicas: 5',
          'images:',
          '  - name: nginx',
          '    newTag: "1.27"',
          '',
        ].join('\n'),
      },
      'cubecape-kustomize-',
    );
    const built = await buildKustomization(root);
    assert.equal(built.length, 1);
    const [deployment] = built;
    assert.deepEqual(deployment?.object['metadata'], { name: 'k-rel-web' });
    assert.deepEqual(deployment.object['spec'], {
      replicas: 5,
      template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    });
    // The origin points at the chart template, as for `cubecape scan chart/`.
    assert.equal(deployment.origin.file, join(root, 'charts/web/templates/deployment.yaml'));
    assert.equal(deployment.origin.rendered?.template, 'templates/deployment.yaml');
  });

  it('finds versioned charts under a custom chart home and replaces values when asked', async () => {
    const root = writeTree(
      {
        ...inCharts('web', simpleChart('web'), 'vendor/web-1.2.3'),
        'kustomization.yaml': [
          'helmGlobals:',
          '  chartHome: vendor',
          'helmCharts:',
          '  - name: web',
          '    version: 1.2.3',
          '    valuesMerge: replace',
          '    valuesInline: {image: "busybox"}',
          '',
        ].join('\n'),
      },
      'cubecape-kustomize-',
    );
    const [deployment] = await buildKustomization(root);
    assert.deepEqual(deployment?.object['spec'], {
      replicas: 1,
      template: { spec: { containers: [{ name: 'app', image: 'busybox' }] } },
    });
  });

  const failures: [string, string][] = [
    [
      'a chart only in a repository',
      'helmCharts:\n  - name: web\n    repo: https://charts.example.com\n',
    ],
    ['a chart that is nowhere', 'helmCharts:\n  - name: web\n'],
    ['an entry without a name', 'helmCharts:\n  - repo: x\n'],
    ['an entry that is not a mapping', 'helmCharts:\n  - web\n'],
  ];
  for (const [name, kustomization] of failures)
    it(`refuses ${name}`, async () => {
      const root = writeTree({ 'kustomization.yaml': kustomization }, 'cubecape-kustomize-');
      await assert.rejects(buildKustomization(root), (error) => {
        assert.ok(isCubecapeError(error));
        assert.equal(error.code, 'KUSTOMIZE_BUILD');
        return true;
      });
    });
});
