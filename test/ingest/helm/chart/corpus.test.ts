import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import yaml from 'js-yaml';
import { renderChartPath } from '../../../../src/ingest/helm/index.js';
import { isRecord } from '../../../../src/model/resource.js';
import { replaySuite } from './unittest-suite.js';

const CORPUS = '/work/shared/corpus/charts';
const available = existsSync(CORPUS);

/** Charts of the shared corpus, each with kinds its default rendering must contain. */
const charts: [string, string[]][] = [
  [
    'cert-manager',
    [
      'Deployment',
      'Service',
      'ServiceAccount',
      'ClusterRole',
      'MutatingWebhookConfiguration',
      'Job',
    ],
  ],
  [
    'kubescape-operator',
    ['Deployment', 'DaemonSet', 'CronJob', 'ConfigMap', 'CustomResourceDefinition', 'APIService'],
  ],
  ['istio-base', ['ServiceAccount', 'ValidatingWebhookConfiguration']],
  ['istio-gateway', ['Deployment', 'Service', 'HorizontalPodAutoscaler']],
  ['istiod', ['Deployment', 'MutatingWebhookConfiguration', 'HorizontalPodAutoscaler']],
  ['istio-cni', ['DaemonSet', 'ConfigMap']],
  ['ztunnel', ['DaemonSet', 'ServiceAccount']],
];

describe('corpus charts', { skip: available ? false : 'corpus not present' }, () => {
  for (const [name, kinds] of charts)
    it(`${name} renders into valid resources`, async (t) => {
      const started = performance.now();
      const rendered = await renderChartPath(`${CORPUS}/${name}`);
      const ms = performance.now() - started;
      t.diagnostic(
        `render ${name}: ${String(rendered.manifests.length)} documents in ${ms.toFixed(0)} ms`,
      );
      const docs = rendered.manifests.map((m) => yaml.load(m.content)).filter(isRecord);
      for (const kind of kinds)
        assert.ok(
          docs.some((d) => d['kind'] === kind),
          `${name} has a ${kind}`,
        );
      for (const doc of docs) {
        assert.equal(typeof doc['apiVersion'], 'string');
        assert.ok(
          isRecord(doc['metadata']) && typeof doc['metadata']['name'] === 'string',
          `${String(doc['kind'])} is named`,
        );
      }
    });

  it('kubescape-operator renders its file:// CRD dependencies with --include-crds', async () => {
    const rendered = await renderChartPath(`${CORPUS}/kubescape-operator`, { includeCrds: true });
    assert.ok(
      rendered.crds.some((crd) =>
        crd.name.startsWith('kubescape-operator/charts/kubescape-alert-crd/crds/'),
      ),
    );
    const off = await renderChartPath(`${CORPUS}/kubescape-operator`, {
      includeCrds: true,
      set: ['alertCRD.scopeClustered=false'],
    });
    assert.ok(!off.crds.some((crd) => crd.name.includes('/kubescape-alert-crd/')));
  });

  it('cert-manager matches its helm-unittest snapshots exactly', async () => {
    const results = await replaySuite(
      `${CORPUS}/cert-manager`,
      `${CORPUS}/cert-manager/tests/controller/defaults_test.yaml`,
    );
    assert.ok(results.length >= 3);
    for (const result of results) {
      assert.equal(result.error, undefined);
      assert.deepEqual([result.different, result.missing], [[], []], result.name);
      assert.ok(result.equal > 0);
    }
  });

  it('kubescape-operator matches its helm-unittest snapshots where lookup and absent files do not matter', async (t) => {
    const results = await replaySuite(
      `${CORPUS}/kubescape-operator`,
      `${CORPUS}/kubescape-operator/tests/snapshot_test.yaml`,
    );
    let equal = 0;
    let different = 0;
    for (const result of results) {
      assert.equal(result.error, undefined, result.name);
      assert.deepEqual(result.missing, [], result.name);
      equal += result.equal;
      different += result.different.length;
    }
    t.diagnostic(
      `kubescape-operator snapshots: ${String(equal)} equal, ${String(different)} different`,
    );
    // The differences come from `lookup` (helm-unittest fakes a cluster) and scripts/ files the corpus lacks.
    assert.ok(
      equal / (equal + different) > 0.97,
      `${String(equal)} equal, ${String(different)} different`,
    );
  });
});
