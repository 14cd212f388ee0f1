/**
 * Helm charts rendered in-process: load a chart (directory or `.tgz`), apply values the way the
 * Helm CLI does (`--values`, `--set`, `--set-string`, `--set-file`), render, and read the output as
 * resources whose origins point at template lines.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { CubecapeError, isCubecapeError } from '../../core/errors.js';
import type { ResourceDraft } from '../resources.js';
import type { IngestIssue } from '../types.js';
import { loadChart } from './chart/load.js';
import { formatManifests } from './chart/manifests.js';
import { parseValuesFile } from './chart/metadata.js';
import { renderChart, type RenderedChart } from './chart/render.js';
import { manifestDrafts, templatePath } from './chart/resources.js';
import { applySetArgument, typedValue } from './chart/strvals.js';
import { mergeValues } from './chart/values.js';
import { TemplateError } from './template/index.js';

export { isChartPath } from '../project-paths.js';
export { loadChart } from './chart/load.js';
export { renderChart } from './chart/render.js';
export type { RenderOptions, RenderedChart } from './chart/render.js';
export type { Manifest } from './chart/manifests.js';
export type { Chart, ChartMetadata, ChartDependency, ChartFile } from './chart/types.js';
export { templatePath as templatePathOf } from './chart/resources.js';
export { formatManifests, manifestDrafts, applySetArgument, typedValue };

/** Helm's command-line options, shared by `render` and `scan`. */
export interface HelmOptions {
  /** `--values FILE`, in order; later files win. */
  readonly valuesFiles?: readonly string[];
  /** `--set`, `--set-string`, `--set-file` arguments, applied in that order as Helm does. */
  readonly set?: readonly string[];
  readonly setString?: readonly string[];
  readonly setFile?: readonly string[];
  readonly releaseName?: string;
  readonly namespace?: string;
  readonly kubeVersion?: string;
  readonly apiVersions?: readonly string[];
  readonly includeCrds?: boolean;
}

function readSetFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CubecapeError('FILE_UNREADABLE', `--set-file: cannot read ${path}`, {
      file: path,
      cause: error,
    });
  }
}

/** Merges `--values` files and `--set*` arguments into user values. */
export async function userValues(options: HelmOptions): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const file of options.valuesFiles ?? []) {
    let text;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CubecapeError('FILE_UNREADABLE', 'cannot read values file', { file, cause: error });
    }
    mergeValues(values, parseValuesFile(text, file));
  }
  for (const arg of options.set ?? []) applySetArgument(values, arg, typedValue);
  for (const arg of options.setString ?? []) applySetArgument(values, arg, (raw) => raw);
  for (const arg of options.setFile ?? []) applySetArgument(values, arg, readSetFile);
  return values;
}

/** Loads and renders the chart at `path` with command-line style options. */
export async function renderChartPath(
  path: string,
  options: HelmOptions = {},
): Promise<RenderedChart> {
  const chart = await loadChart(path);
  return renderChart(chart, {
    values: await userValues(options),
    ...(options.releaseName === undefined ? {} : { releaseName: options.releaseName }),
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(options.kubeVersion === undefined ? {} : { kubeVersion: options.kubeVersion }),
    ...(options.apiVersions === undefined ? {} : { apiVersions: options.apiVersions }),
    ...(options.includeCrds === undefined ? {} : { includeCrds: options.includeCrds }),
  });
}

/** `helm template`'s text for a rendered chart. */
export function renderedText(rendered: RenderedChart): string {
  return formatManifests(rendered.manifests, rendered.crds);
}

/**
 * Renders the chart at `path` into resource drafts for a scan. Never throws for a broken chart:
 * template, values and archive problems come back as issues (the scan is then incomplete).
 */
export async function readChartResources(
  path: string,
  options: HelmOptions = {},
): Promise<{ drafts: ResourceDraft[]; issues: IngestIssue[] }> {
  try {
    const rendered = await renderChartPath(path, options);
    const { drafts, issues } = manifestDrafts(rendered.manifests, path);
    const crdDrafts = rendered.crds.map((crd) => ({
      template: crd.name,
      content: crd.text,
      lines: crd.text.split('\n').map((_, i) => i + 1),
      index: 0,
      kind: 'CustomResourceDefinition',
      hook: false,
    }));
    const crds = manifestDrafts(crdDrafts, path);
    return { drafts: [...crds.drafts, ...drafts], issues: [...crds.issues, ...issues] };
  } catch (error) {
    if (!isCubecapeError(error)) throw error;
    const code = error.code === 'USAGE' ? 'TEMPLATE_EXEC' : error.code;
    // Template errors name the template inside the chart; the user edits the file on disk.
    const file =
      error instanceof TemplateError
        ? `${path.replace(/\/+$/, '')}/${templatePath(error.templateName)}`
        : (error.file ?? path);
    const line = error.line === undefined ? {} : { line: error.line };
    return {
      drafts: [],
      issues: [{ code, severity: 'error', message: error.message, file, ...line }],
    };
  }
}
