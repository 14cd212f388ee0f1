/**
 * `helmCharts`: charts vendored under the kustomization's chart home, rendered by cubecape's own
 * Helm engine (kustomize shells out to `helm template`). Charts are never pulled from a repo.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import { isRecord } from '../../model/resource.js';
import { loadChart, manifestDrafts, renderChart, userValues } from '../helm/index.js';
import { mergeValues } from '../helm/chart/values.js';
import { buildError, isRemote } from './fs.js';
import { clone, newNode, str, type KNode, type Obj } from './node.js';

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function chartDirOf(entry: Obj, home: string, file: string): Promise<string> {
  const name = str(entry['name']);
  if (name === undefined || name === '') throw buildError('a helmCharts entry has no name', file);
  const version = str(entry['version']);
  const candidates = [
    ...(version === undefined ? [] : [join(home, `${name}-${version}`, name)]),
    join(home, name),
  ];
  for (const candidate of candidates) if (await isDirectory(candidate)) return candidate;
  if (str(entry['repo']) !== undefined)
    throw buildError(
      `helm chart ${name} is not vendored under ${home}; pulling from a repository needs network access`,
      file,
    );
  throw buildError(`helm chart ${name} not found under ${home}`, file);
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

async function valuesOf(entry: Obj, dir: string): Promise<Record<string, unknown>> {
  const files = [str(entry['valuesFile']), ...stringList(entry['additionalValuesFiles'])]
    .filter((file): file is string => file !== undefined)
    .map((file) => {
      if (isRemote(file)) throw buildError(`${file}: remote values files need network access`, dir);
      return join(dir, file);
    });
  const fromFiles = await userValues({ valuesFiles: files });
  const inline = isRecord(entry['valuesInline']) ? clone(entry['valuesInline']) : {};
  switch (str(entry['valuesMerge']) ?? 'override') {
    case 'replace':
      return inline;
    case 'merge':
      return mergeValues(inline, fromFiles);
    default:
      return mergeValues(fromFiles, inline);
  }
}

async function renderEntry(entry: Obj, home: string, dir: string, file: string): Promise<KNode[]> {
  const chartDir = await chartDirOf(entry, home, file);
  const rendered = renderChart(await loadChart(chartDir), {
    values: await valuesOf(entry, dir),
    releaseName: str(entry['releaseName']) ?? 'release-name',
    ...(str(entry['namespace']) === undefined ? {} : { namespace: str(entry['namespace']) ?? '' }),
    ...(str(entry['kubeVersion']) === undefined
      ? {}
      : { kubeVersion: str(entry['kubeVersion']) ?? '' }),
    apiVersions: stringList(entry['apiVersions']),
    includeCrds: entry['includeCRDs'] === true,
  });
  const crds = rendered.crds.map((crd) => ({
    template: crd.name,
    content: crd.text,
    lines: crd.text.split('\n').map((_, i) => i + 1),
    index: 0,
    kind: 'CustomResourceDefinition',
    hook: false,
  }));
  const { drafts, issues } = manifestDrafts([...crds, ...rendered.manifests], chartDir);
  const failure = issues.find((issue) => issue.severity === 'error');
  if (failure !== undefined)
    throw new CubecapeError(failure.code, failure.message, {
      file: failure.file,
      line: failure.line,
    });
  return drafts.map((draft) => newNode(clone(draft.object) as Obj, draft.origin));
}

/** Renders every `helmCharts` entry of a kustomization, in order. */
export async function runHelmCharts(body: Obj, dir: string, file: string): Promise<KNode[]> {
  const entries = body['helmCharts'];
  if (!Array.isArray(entries)) return [];
  const globals = isRecord(body['helmGlobals']) ? body['helmGlobals'] : {};
  const home = join(dir, str(globals['chartHome']) ?? 'charts');
  const nodes: KNode[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) throw buildError('a helmCharts entry is not a mapping', file);
    nodes.push(...(await renderEntry(entry, home, dir, file)));
  }
  return nodes;
}
