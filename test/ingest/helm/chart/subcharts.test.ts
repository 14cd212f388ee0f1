import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadChart, renderChart, type RenderOptions } from '../../../../src/ingest/helm/index.js';
import { writeTree } from './fixtures.js';

/** A parent chart with two bundled subcharts, `a` and `b`, each rendering one ConfigMap. */
function family(dependencies: string, extra: Record<string, string> = {}): Record<string, string> {
  const sub = (name: string): Record<string, string> => ({
    [`charts/${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\nversion: 1.0.0\n`,
    [`charts/${name}/values.yaml`]: `color: ${name}-default\nglobal:\n  region: sub-region\n  shared: { fromSub: 1 }\nexports:\n  data:\n    exported: ${name}-export\n`,
    [`charts/${name}/templates/cm.yaml`]:
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Chart.Name }}\ndata:\n  color: {{ .Values.color }}\n  region: {{ .Values.global.region }}\n  shared: {{ .Values.global.shared | toJson | quote }}\n',
  });
  return {
    'Chart.yaml': `apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n${dependencies}`,
    'values.yaml': 'global:\n  region: parent-region\n  shared: { fromParent: 2 }\n',
    'templates/cm.yaml':
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: parent\ndata:\n  imported: {{ .Values.exported | default "none" }}\n  sub: {{ with .Subcharts.a }}{{ .Values.color }}{{ else }}none{{ end }}\n',
    ...sub('a'),
    ...sub('b'),
    ...extra,
  };
}

async function names(
  files: Record<string, string>,
  options: RenderOptions = {},
): Promise<string[]> {
  const rendered = renderChart(await loadChart(writeTree(files)), options);
  return rendered.manifests.map((m) => m.template).sort();
}

const both = '  - name: a\n    version: 1.0.0\n  - name: b\n    version: 1.0.0\n';

describe('subcharts', () => {
  it('renders every bundled subchart under its path', async () => {
    assert.deepEqual(await names(family(both)), [
      'parent/charts/a/templates/cm.yaml',
      'parent/charts/b/templates/cm.yaml',
      'parent/templates/cm.yaml',
    ]);
  });

  const conditions: [string, string, Record<string, unknown>, string[]][] = [
    [
      'a false condition',
      '  - name: a\n    condition: a.enabled\n',
      { a: { enabled: false } },
      ['b'],
    ],
    [
      'a true condition',
      '  - name: a\n    condition: a.enabled\n',
      { a: { enabled: true } },
      ['a', 'b'],
    ],
    [
      'the first boolean of several conditions',
      '  - name: a\n    condition: nope.x,a.on,a.off\n',
      { a: { on: true, off: false } },
      ['a', 'b'],
    ],
    [
      'a non-boolean condition (ignored)',
      '  - name: a\n    condition: a.enabled\n',
      { a: { enabled: 'no' } },
      ['a', 'b'],
    ],
    ['a false tag', '  - name: a\n    tags: [t1]\n', { tags: { t1: false } }, ['b']],
    [
      'one true tag of two',
      '  - name: a\n    tags: [t1, t2]\n',
      { tags: { t1: false, t2: true } },
      ['a', 'b'],
    ],
    [
      'a condition over a tag',
      '  - name: a\n    tags: [t1]\n    condition: a.enabled\n',
      { tags: { t1: false }, a: { enabled: true } },
      ['a', 'b'],
    ],
  ];
  for (const [name, dependency, values, expected] of conditions)
    it(`honours ${name}`, async () => {
      const rendered = await names(family(`${dependency}  - name: b\n`), { values });
      const subs = rendered.filter((t) => t.includes('/charts/')).map((t) => t.split('/')[2]);
      assert.deepEqual(subs, expected);
    });

  it('renders an aliased dependency under its alias, with values under the alias', async () => {
    const files = family(
      '  - name: a\n    alias: first\n  - name: a\n    alias: second\n  - name: b\n',
    );
    const rendered = renderChart(await loadChart(writeTree(files)), {
      values: { second: { color: 'blue' } },
    });
    const second = rendered.manifests.find(
      (m) => m.template === 'parent/charts/second/templates/cm.yaml',
    );
    assert.match(second?.content ?? '', /name: second\n[\s\S]*color: blue/);
    assert.ok(
      rendered.manifests.some((m) => m.template === 'parent/charts/first/templates/cm.yaml'),
    );
  });

  it('passes parent values and globals down; parent globals win, tables merge', async () => {
    const rendered = renderChart(await loadChart(writeTree(family(both))), {
      values: { a: { color: 'red' } },
    });
    const a =
      rendered.manifests.find((m) => m.template === 'parent/charts/a/templates/cm.yaml')?.content ??
      '';
    assert.match(a, /color: red/);
    assert.match(a, /region: parent-region/);
    assert.match(a, /shared: "\{\\"fromParent\\":2,\\"fromSub\\":1\}"/);
    const parent =
      rendered.manifests.find((m) => m.template === 'parent/templates/cm.yaml')?.content ?? '';
    assert.match(parent, /sub: red/);
  });

  it('imports exported values from a child', async () => {
    const files = family(
      '  - name: a\n    import-values: [data]\n  - name: b\n    import-values:\n      - child: color\n        parent: fromB\n',
    );
    files['templates/cm.yaml'] =
      `${files['templates/cm.yaml'] ?? ''}  fromB: {{ .Values.fromB }}\n`;
    const rendered = renderChart(await loadChart(writeTree(files)));
    const parent =
      rendered.manifests.find((m) => m.template === 'parent/templates/cm.yaml')?.content ?? '';
    assert.match(parent, /imported: a-export/);
    assert.match(parent, /fromB: b-default/);
  });

  it('lets a parent include the partials of a library subchart, which renders nothing itself', async () => {
    const files: Record<string, string> = {
      'Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: lib\n',
      'templates/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "lib.name" . }}\n',
      'charts/lib/Chart.yaml': 'apiVersion: v2\nname: lib\nversion: 1.0.0\ntype: library\n',
      'charts/lib/templates/_names.tpl':
        '{{- define "lib.name" -}}from-lib-{{ .Chart.Name }}{{- end -}}',
      'charts/lib/templates/ignored.yaml':
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: never\n',
    };
    const rendered = renderChart(await loadChart(writeTree(files)));
    assert.deepEqual(
      rendered.manifests.map((m) => m.template),
      ['app/templates/cm.yaml'],
    );
    assert.match(rendered.manifests[0]?.content ?? '', /name: from-lib-app/);
  });

  it('reads v1 charts with requirements.yaml', async () => {
    const files = family('');
    files['Chart.yaml'] = 'apiVersion: v1\nname: parent\nversion: 1.0.0\n';
    files['requirements.yaml'] =
      'dependencies:\n  - name: a\n    condition: a.enabled\n  - name: b\n';
    assert.deepEqual(
      (await names(files, { values: { a: { enabled: false } } })).filter((t) =>
        t.includes('/charts/'),
      ),
      ['parent/charts/b/templates/cm.yaml'],
    );
  });

  it('reads unpackaged file:// dependencies of a directory chart', async () => {
    const root = writeTree({
      'app/Chart.yaml':
        'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: dep\n    repository: file://../dep\n',
      'app/templates/a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n',
      'dep/Chart.yaml': 'apiVersion: v2\nname: dep\nversion: 1.0.0\n',
      'dep/templates/b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dep\n',
    });
    const rendered = renderChart(await loadChart(`${root}/app`));
    assert.deepEqual(rendered.manifests.map((m) => m.template).sort(), [
      'app/charts/dep/templates/b.yaml',
      'app/templates/a.yaml',
    ]);
  });
});
