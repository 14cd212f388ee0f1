/**
 * Renders a loaded chart as `helm template` does: values coalesced and validated, dependencies
 * enabled by conditions and tags, every template of every enabled chart executed with Helm's
 * built-in objects, output split into documents and ordered by kind.
 */
import { posix } from 'node:path';
import { CubecapeError } from '../../../core/errors.js';
import {
  fromJsValue,
  helmTemplateFunctions,
  helmTemplateOrder,
  TemplateSet,
  type GoMap,
  type GoValue,
} from '../template/index.js';
import { capabilities, chartObject, ChartFiles, DEFAULT_KUBE_VERSION } from './builtins.js';
import { orderManifests, splitRendered, type Manifest } from './manifests.js';
import { validateValues } from './schema.js';
import { OutputTracer } from './trace.js';
import type { Chart } from './types.js';
import { chartTree, coalesceNode, resolveDependencies, type ChartNode } from './values.js';

/** What to render with; everything defaults like `helm template`. */
export interface RenderOptions {
  /** User values (from `--values` and `--set`), already merged. */
  readonly values?: Record<string, unknown>;
  readonly releaseName?: string;
  readonly namespace?: string;
  readonly kubeVersion?: string;
  readonly apiVersions?: readonly string[];
  /** Also return the `crds/` files of enabled charts, as `helm template --include-crds`. */
  readonly includeCrds?: boolean;
}

/** A CRD file shipped in `crds/`, rendered verbatim. */
export interface CrdFile {
  readonly name: string;
  readonly text: string;
}

/** The result of rendering: ordered manifests and the values they saw. */
export interface RenderedChart {
  readonly manifests: Manifest[];
  readonly crds: CrdFile[];
  readonly values: Record<string, unknown>;
}

interface Renderable {
  readonly name: string;
  readonly text: string;
  readonly data: GoMap;
  readonly basePath: string;
}

function releaseObject(options: RenderOptions): GoValue {
  const release = fromJsValue({
    Name: options.releaseName ?? 'release-name',
    Namespace: options.namespace ?? 'default',
    IsUpgrade: false,
    IsInstall: true,
    Service: 'Helm',
  }) as GoMap;
  release['Revision'] = 1n;
  return release;
}

/** Mirrors Helm's recAllTpls: per chart, its data (`.Values` scoped to it) and templates. */
function collect(
  node: ChartNode,
  values: GoValue,
  shared: GoMap,
  out: Renderable[],
  isRoot: boolean,
): GoMap {
  const subcharts = fromJsValue({}) as GoMap;
  const data = fromJsValue({}) as GoMap;
  data['Chart'] = chartObject(node.chart.metadata, node.name, isRoot);
  data['Files'] = new ChartFiles(node.chart.files);
  data['Release'] = shared['Release'] ?? null;
  data['Capabilities'] = shared['Capabilities'] ?? null;
  data['Values'] = values ?? fromJsValue({});
  data['Subcharts'] = subcharts;
  for (const dependency of node.dependencies) {
    const own =
      values !== null &&
      typeof values === 'object' &&
      !Array.isArray(values) &&
      !(values instanceof ChartFiles)
        ? (values as GoMap)[dependency.name]
        : undefined;
    subcharts[dependency.name] = collect(dependency, own ?? fromJsValue({}), shared, out, false);
  }
  const library = node.chart.metadata.type === 'library';
  for (const template of node.chart.templates) {
    if (library && !posix.basename(template.name).startsWith('_')) continue;
    out.push({
      name: `${node.path}/${template.name}`,
      text: template.data.toString('utf8'),
      data,
      basePath: `${node.path}/templates`,
    });
  }
  return data;
}

function crdsOf(node: ChartNode): CrdFile[] {
  return [
    ...node.chart.crds.map((crd) => ({
      name: `${node.path}/${crd.name}`,
      text: crd.data.toString('utf8'),
    })),
    ...node.dependencies.flatMap(crdsOf),
  ];
}

/** Renders `chart`. Throws `TemplateError` (parse or execution, located) or `CubecapeError`. */
export function renderChart(chart: Chart, options: RenderOptions = {}): RenderedChart {
  if (chart.metadata.type === 'library')
    throw new CubecapeError(
      'TEMPLATE_EXEC',
      `${chart.metadata.name} is a library chart: it has nothing to render`,
    );
  const name = chart.metadata.name;
  const user = structuredClone(options.values ?? {});
  const full = chartTree(chart, name, name);
  const cvals = coalesceNode(full, structuredClone(user));
  const tree = resolveDependencies(full, cvals);
  const values = coalesceNode(tree, structuredClone(user));
  validateValues(tree, values);
  const shared = fromJsValue({}) as GoMap;
  shared['Release'] = releaseObject(options);
  shared['Capabilities'] = capabilities(
    options.kubeVersion ?? DEFAULT_KUBE_VERSION,
    options.apiVersions ?? [],
  );
  const renderables: Renderable[] = [];
  collect(tree, fromJsValue(values), shared, renderables, true);
  const byName = new Map(renderables.map((r) => [r.name, r]));
  const order = helmTemplateOrder([...byName.keys()]);
  const set = new TemplateSet(helmTemplateFunctions);
  for (const templateName of order) set.addFile(templateName, byName.get(templateName)?.text ?? '');
  const manifests: Manifest[] = [];
  for (const templateName of order) {
    const renderable = byName.get(templateName);
    const base = posix.basename(templateName);
    if (renderable === undefined || base.startsWith('_') || base === 'NOTES.txt') continue;
    // Helm shares one data map per chart between its templates: some charts rely on that
    // (istio's zzz_profile.yaml replaces `$.Values` for the templates that run after it).
    const data = renderable.data;
    data['Template'] = fromJsValue({ Name: templateName, BasePath: renderable.basePath });
    const tracer = new OutputTracer(renderable.text);
    const output = set.execute(templateName, data, {
      missingKey: 'zero',
      replaceNoValue: true,
      trace: tracer.trace,
    });
    if (output.trim() === '') continue;
    manifests.push(...splitRendered(templateName, output, tracer.lineMap()));
  }
  return {
    manifests: orderManifests(manifests),
    crds: options.includeCrds === true ? crdsOf(tree) : [],
    values,
  };
}
