import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChart, manifestDrafts, renderChart } from '../../../../src/ingest/helm/index.js';
import { writeTree } from './fixtures.js';

const TEMPLATE = [
  '{{- /* a comment */ -}}', //                      1
  '{{- if .Values.enabled }}', //                     2
  'apiVersion: apps/v1', //                           3
  'kind: Deployment', //                              4
  'metadata:', //                                     5
  '  name: {{ .Release.Name }}', //                   6
  '  labels:', //                                     7
  '    {{- include "labels" . | nindent 4 }}', //     8
  'spec:', //                                         9
  '  template:', //                                   10
  '    spec:', //                                     11
  '      containers:', //                             12
  '      {{- range .Values.containers }}', //         13
  '        - name: {{ . }}', //                       14
  '          securityContext:', //                    15
  '            privileged: true', //                  16
  '      {{- end }}', //                              17
  '{{- end }}', //                                    18
  '---', //                                           19
  'apiVersion: v1', //                                20
  'kind: Service', //                                 21
  'metadata:', //                                     22
  '  name: svc', //                                   23
  '',
].join('\n');

async function rendered() {
  const dir = writeTree({
    'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
    'values.yaml': 'enabled: true\ncontainers: [one, two]\n',
    'templates/_helpers.tpl': '{{ define "labels" }}a: b\nc: d{{ end }}',
    'templates/all.yaml': TEMPLATE,
  });
  return { dir, chart: renderChart(await loadChart(dir)) };
}

describe('template source maps', () => {
  it('maps every rendered line to the template line that produced it', async () => {
    const { chart } = await rendered();
    const deployment = chart.manifests.find((m) => m.kind === 'Deployment');
    assert.ok(deployment);
    const pairs = deployment.content
      .split('\n')
      .map((line, i) => `${String(deployment.lines[i])}|${line.trim()}`);
    assert.deepEqual(pairs, [
      '3|apiVersion: apps/v1',
      '4|kind: Deployment',
      '5|metadata:',
      '6|name: release-name',
      '7|labels:',
      '8|a: b', // included text maps to the include call
      '8|c: d',
      '9|spec:',
      '10|template:',
      '11|spec:',
      '12|containers:',
      '14|- name: one',
      '15|securityContext:',
      '16|privileged: true',
      '14|- name: two',
      '15|securityContext:',
      '16|privileged: true',
    ]);
    const service = chart.manifests.find((m) => m.kind === 'Service');
    assert.deepEqual(service?.lines, [20, 21, 22, 23]);
  });

  it('gives drafts origins and JSON-path locations in the template', async () => {
    const { dir, chart } = await rendered();
    const { drafts, issues } = manifestDrafts(chart.manifests, dir);
    assert.deepEqual(issues, []);
    const deployment = drafts.find((d) => d.kind === 'Deployment');
    assert.ok(deployment);
    assert.equal(deployment.origin.file, `${dir}/templates/all.yaml`);
    assert.deepEqual(deployment.origin.rendered, { template: 'templates/all.yaml', line: 3 });
    const at = (path: (string | number)[]) =>
      deployment.origin.sourceMap.locate(path)?.position.line;
    assert.equal(
      at(['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'privileged']),
      16,
    );
    assert.equal(at(['metadata', 'labels', 'c']), 8);
    assert.equal(at(['metadata', 'name']), 6);
    const service = drafts.find((d) => d.kind === 'Service');
    assert.ok(service);
    assert.deepEqual(service.origin.position, { line: 20, column: 1 });
    assert.equal(service.origin.documentIndex, 1);
  });
});
