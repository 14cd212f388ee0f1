import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isCubecapeError } from '../../../../src/core/errors.js';
import {
  loadChart,
  renderChart,
  renderChartPath,
  renderedText,
  type RenderOptions,
} from '../../../../src/ingest/helm/index.js';
import { simpleChart, writeTree } from './fixtures.js';

async function render(files: Record<string, string>, options: RenderOptions = {}) {
  return renderChart(await loadChart(writeTree(files)), options);
}

function contentOf(
  rendered: { manifests: { template: string; content: string }[] },
  suffix: string,
): string {
  return rendered.manifests
    .filter((m) => m.template.endsWith(suffix))
    .map((m) => m.content)
    .join('\n---\n');
}

const configMap = (body: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n${body}\n`;

describe('renderChart: values', () => {
  it('uses defaults, then user values over them', async () => {
    const rendered = await render(simpleChart('app'), { values: { replicas: 3 } });
    assert.match(contentOf(rendered, 'deployment.yaml'), /replicas: 3\n/);
    assert.match(contentOf(rendered, 'deployment.yaml'), /image: nginx:1.25/);
  });

  it('drops a default when the user sets it to null', async () => {
    const chart = simpleChart('app', {
      'templates/cm.yaml': configMap('  has: {{ hasKey .Values "image" | quote }}'),
    });
    assert.match(
      contentOf(await render(chart, { values: { image: null } }), 'cm.yaml'),
      /has: "false"/,
    );
  });

  it('applies --values files, --set, --set-string and --set-file in Helm order', async () => {
    const dir = writeTree({
      ...simpleChart('app', {
        'templates/cm.yaml': configMap(
          '  a: {{ .Values.a | quote }}\n  b: {{ kindOf .Values.b }}\n  c: {{ .Values.c | quote }}\n  d: {{ .Values.d | quote }}',
        ),
      }),
      'v1.yaml': 'a: from-v1\nb: 1\n',
      'v2.yaml': 'a: from-v2\n',
      'file.txt': 'file content',
    });
    const rendered = await renderChartPath(dir, {
      valuesFiles: [join(dir, 'v1.yaml'), join(dir, 'v2.yaml')],
      set: ['c=set'],
      setString: ['b=2', 'c=string'],
      setFile: [`d=${join(dir, 'file.txt')}`],
    });
    assert.match(
      contentOf(rendered, 'cm.yaml'),
      /a: "from-v2"\n {2}b: string\n {2}c: "string"\n {2}d: "file content"/,
    );
  });

  it('fails on an unreadable values file', async () => {
    const dir = writeTree(simpleChart('app'));
    await assert.rejects(
      renderChartPath(dir, { valuesFiles: [join(dir, 'nope.yaml')] }),
      (e: unknown) => isCubecapeError(e) && e.code === 'FILE_UNREADABLE',
    );
  });

  it('validates values against values.schema.json', async () => {
    const chart = simpleChart('app', {
      'values.schema.json': JSON.stringify({
        type: 'object',
        properties: { replicas: { type: 'integer', minimum: 1 } },
        required: ['image'],
      }),
    });
    await render(chart, { values: { replicas: 2n } });
    await assert.rejects(render(chart, { values: { replicas: 0 } }), /replicas: must be >= 1/);
    await assert.rejects(
      render(chart, { values: { replicas: 'x' } }),
      (e: unknown) => isCubecapeError(e) && e.code === 'TEMPLATE_EXEC',
    );
  });
});

describe('renderChart: built-in objects', () => {
  it('exposes Release, Chart, Template, Capabilities and Files', async () => {
    const rendered = await render(
      simpleChart('app', {
        'files/a.conf': 'x=1\ny=2\n',
        'templates/cm.yaml': configMap(
          [
            '  release: {{ .Release.Name }}/{{ .Release.Namespace }}/{{ .Release.Revision }}/{{ .Release.IsInstall }}',
            '  chart: {{ .Chart.Name }}-{{ .Chart.Version }}-{{ .Chart.AppVersion }}',
            '  template: {{ .Template.Name }} {{ .Template.BasePath }}',
            '  kube: {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Minor }}',
            '  has: {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "x.io/v1" }} {{ .Capabilities.APIVersions.Has "y.io/v1" }}',
            '  get: {{ .Files.Get "files/a.conf" | quote }}',
            '  lines: {{ .Files.Lines "files/a.conf" | join "," }}',
            '  missing: {{ .Files.Get "nope" | quote }}',
            '  glob: {{ (.Files.Glob "files/*").AsConfig | quote }}',
            '  secret: {{ (.Files.Glob "files/*").AsSecrets | quote }}',
            '  lookup: {{ lookup "v1" "Secret" "ns" "x" | len }}',
          ].join('\n'),
        ),
      }),
      { releaseName: 'rel', namespace: 'ns', kubeVersion: '1.29.3', apiVersions: ['x.io/v1'] },
    );
    const text = contentOf(rendered, 'cm.yaml');
    for (const expected of [
      'release: rel/ns/1/true',
      'chart: app-1.2.3-4.5',
      'template: app/templates/cm.yaml app/templates',
      'kube: v1.29.3 29',
      'has: true true false',
      'get: "x=1\\ny=2\\n"',
      'lines: x=1,y=2',
      'missing: ""',
      'glob: "a.conf: |\\n  x=1\\n  y=2"',
      'secret: "a.conf: eD0xCnk9Mgo="',
      'lookup: 0',
    ])
      assert.ok(text.includes(expected), `${expected} in\n${text}`);
  });

  it('skips NOTES.txt and partials, and drops empty documents', async () => {
    const rendered = await render(
      simpleChart('app', {
        'templates/NOTES.txt': '{{ fail "notes are not rendered" }}',
        'templates/_helpers.tpl': '{{ define "app.name" }}named-{{ .Chart.Name }}{{ end }}',
        'templates/cm.yaml': `---\n# only a comment\n---\n\n---\n${configMap('  name: {{ include "app.name" . }}')}`,
        'templates/empty.yaml': '{{ if false }}kind: Secret{{ end }}\n',
      }),
    );
    // A comment-only document is kept (Helm prints it) and, having no kind, sorts last.
    assert.deepEqual(
      rendered.manifests.map((m) => [m.template, m.kind]),
      [
        ['app/templates/cm.yaml', 'ConfigMap'],
        ['app/templates/deployment.yaml', 'Deployment'],
        ['app/templates/cm.yaml', ''],
      ],
    );
    assert.match(contentOf(rendered, 'cm.yaml'), /name: named-app/);
  });

  it('orders manifests by kind, and hooks last, as helm template prints them', async () => {
    const rendered = await render(
      simpleChart('app', {
        'templates/a-hook.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hook\n  annotations:\n    helm.sh/hook: test\n',
        'templates/b.yaml':
          'apiVersion: x/v1\nkind: Zebra\nmetadata:\n  name: z\n---\napiVersion: x/v1\nkind: Aardvark\nmetadata:\n  name: a\n',
        'templates/c.yaml':
          'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n',
      }),
    );
    assert.deepEqual(
      rendered.manifests.map((m) => m.kind),
      ['Namespace', 'Service', 'Deployment', 'Aardvark', 'Zebra', 'Pod'],
    );
    const text = renderedText(rendered);
    assert.match(text, /^---\n# Source: app\/templates\/c.yaml\napiVersion: v1\nkind: Namespace/);
    assert.match(
      text,
      /---\n# Source: app\/templates\/a-hook.yaml\napiVersion: v1\nkind: Pod[\s\S]*\n$/,
    );
  });

  it('shares one data map per chart between templates, as Helm does', async () => {
    const rendered = await render(
      simpleChart('app', {
        'templates/zz.yaml': '{{- $_ := set .Values "replicas" 9 }}',
      }),
    );
    assert.match(contentOf(rendered, 'deployment.yaml'), /replicas: 9/);
  });
});

describe('renderChart: errors', () => {
  const cases: [string, string, RegExp, number | undefined][] = [
    ['required', 'a: 1\nb: {{ required "b is required" .Values.b }}\n', /b is required/, 2],
    ['fail', '\n\n{{ fail "stop here" }}', /stop here/, 3],
    ['an unknown function', '{{ nope }}', /function "nope" not defined/, 1],
    ['an unclosed action', 'a: {{ .Values.x', /unclosed action|unexpected/, undefined],
    ['a missing include', '{{ include "nope" . }}', /no such template/, 1],
  ];
  for (const [name, template, message, line] of cases)
    it(`reports ${name} with the template and line`, async () => {
      await assert.rejects(
        render(simpleChart('app', { 'templates/bad.yaml': template })),
        (error: unknown) => {
          assert.ok(isCubecapeError(error));
          assert.match(error.message, message);
          assert.equal(error.file, 'app/templates/bad.yaml');
          if (line !== undefined) assert.equal(error.line, line);
          return true;
        },
      );
    });

  it('refuses to render a library chart', async () => {
    const files = simpleChart('lib');
    files['Chart.yaml'] = 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n';
    await assert.rejects(render(files), /library chart/);
  });

  const badCharts: [string, Record<string, string>][] = [
    ['no Chart.yaml', { 'values.yaml': '' }],
    ['a Chart.yaml without a version', { 'Chart.yaml': 'apiVersion: v2\nname: x\n' }],
    ['a chart name with a slash', { 'Chart.yaml': 'apiVersion: v2\nname: ../x\nversion: 1\n' }],
    [
      'an unknown chart type',
      { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1\ntype: plugin\n' },
    ],
    ['a Chart.yaml that is a list', { 'Chart.yaml': '- a\n' }],
    [
      'values that are a list',
      { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1\n', 'values.yaml': '- a\n' },
    ],
    [
      'malformed values',
      { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1\n', 'values.yaml': 'a: [\n' },
    ],
    [
      'a malformed schema',
      { 'Chart.yaml': 'apiVersion: v2\nname: x\nversion: 1\n', 'values.schema.json': '{' },
    ],
  ];
  for (const [name, files] of badCharts)
    it(`refuses ${name}`, async () => {
      await assert.rejects(loadChart(writeTree(files)), (error: unknown) => isCubecapeError(error));
    });
});
