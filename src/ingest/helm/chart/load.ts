/**
 * Loads a chart from a directory or a `.tgz` archive into a {@link Chart}, with its subcharts from
 * `charts/` (directories and archives) and, for directory charts, unpackaged `file://`
 * dependencies, the way `helm dependency build` would have fetched them.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { CubecapeError } from '../../../core/errors.js';
import { readChartArchive, type ArchiveFile } from './archive.js';
import { parseChartMetadata, parseValuesFile, parseYamlFile } from './metadata.js';
import type { Chart, ChartFile } from './types.js';

const MAX_FILE_BYTES = 8 * 1024 * 1024;
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;
const MAX_FILES = 10_000;
/** Subchart nesting beyond this is certainly a loop or an attack. */
const MAX_DEPTH = 20;

/** Compiled `.helmignore`: gitignore-like globs, plus Helm's default of hidden template files. */
function helmIgnore(text: string | undefined): (path: string, directory: boolean) => boolean {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const rules = ['templates/.?*', ...lines].map((line) => {
    const negate = line.startsWith('!');
    const body = negate ? line.slice(1) : line;
    const dirOnly = body.endsWith('/');
    const pattern = dirOnly ? body.slice(0, -1) : body;
    const matcher = picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
    return { negate, dirOnly, matcher };
  });
  return (path, directory) => {
    let ignored = false;
    for (const rule of rules) {
      if (rule.dirOnly && !directory) continue;
      if (rule.matcher(path)) ignored = !rule.negate;
    }
    return ignored;
  };
}

async function walkChartDirectory(root: string): Promise<ArchiveFile[]> {
  const ignoreText = await readFile(join(root, '.helmignore'), 'utf8').catch(() => undefined);
  const ignored = helmIgnore(ignoreText);
  const files: ArchiveFile[] = [];
  let total = 0;
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(join(root, relative), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      // Links could reach outside the chart; Helm warns about them, cubecape does not follow them.
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        if (!ignored(path, true)) await walk(path);
        continue;
      }
      if (!entry.isFile() || ignored(path, false)) continue;
      const size = (await lstat(join(root, path))).size;
      if (size > MAX_FILE_BYTES || (total += size) > MAX_TOTAL_BYTES || files.length >= MAX_FILES)
        throw new CubecapeError('FILE_TOO_LARGE', 'chart is too large to load', {
          file: join(root, path),
        });
      files.push({ path, data: await readFile(join(root, path)) });
    }
  };
  await walk('');
  return files;
}

/** Strips the single top directory every chart archive has (`mychart/…`). */
function stripTopDirectory(files: readonly ArchiveFile[], file: string): ArchiveFile[] {
  const top = files[0]?.path.split('/')[0];
  if (top === undefined || !files.every((entry) => entry.path.startsWith(`${top}/`)))
    throw new CubecapeError('FILE_UNREADABLE', 'chart archive: expected one top-level directory', {
      file,
    });
  return files.map((entry) => ({ path: entry.path.slice(top.length + 1), data: entry.data }));
}

interface LoadContext {
  /** Directory of a directory chart, for `file://` dependencies; undefined inside archives. */
  readonly directory: string | undefined;
  /** Shown in errors. */
  readonly display: string;
  readonly depth: number;
}

function byName(a: ChartFile, b: ChartFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Files Helm reads itself rather than exposing through `.Files`. */
const CHART_SPECIAL_FILES = new Set([
  'Chart.yaml',
  'values.yaml',
  'values.schema.json',
  'Chart.lock',
  'requirements.lock',
]);

interface Partition {
  readonly templates: ChartFile[];
  readonly crds: ChartFile[];
  readonly other: ChartFile[];
  /** `charts/` entries by their first path segment (a subchart directory or archive). */
  readonly subcharts: Map<string, ArchiveFile[]>;
}

/** Sorts a chart's files the way Helm's loader does. */
function partitionFiles(files: readonly ArchiveFile[]): Partition {
  const result: Partition = { templates: [], crds: [], other: [], subcharts: new Map() };
  for (const entry of files) {
    if (CHART_SPECIAL_FILES.has(entry.path)) continue;
    const file = { name: entry.path, data: entry.data };
    if (entry.path.startsWith('templates/')) result.templates.push(file);
    else if (entry.path.startsWith('charts/') && !entry.path.endsWith('.prov')) {
      const rest = entry.path.slice('charts/'.length);
      const key = rest.split('/')[0] ?? rest;
      const group = result.subcharts.get(key) ?? [];
      group.push({ path: rest, data: entry.data });
      result.subcharts.set(key, group);
    } else {
      if (entry.path.startsWith('crds/')) result.crds.push(file);
      result.other.push(file);
    }
  }
  return result;
}

/** Loads `charts/` subcharts: directories and `.tgz` archives, in name order. */
async function loadSubcharts(
  subcharts: ReadonlyMap<string, ArchiveFile[]>,
  context: LoadContext,
): Promise<Chart[]> {
  const dependencies: Chart[] = [];
  for (const [key, entries] of [...subcharts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const display = `${context.display}/charts/${key}`;
    const sub = { directory: undefined, display, depth: context.depth + 1 };
    if (key.endsWith('.tgz') || key.endsWith('.tar.gz')) {
      const archive = entries.find((entry) => entry.path === key);
      if (archive === undefined) continue;
      const files = stripTopDirectory(readChartArchive(archive.data, display), display);
      dependencies.push(await chartFromFiles(files, sub));
      continue;
    }
    const stripped = entries.map((entry) => ({
      path: entry.path.slice(key.length + 1),
      data: entry.data,
    }));
    if (stripped.some((entry) => entry.path === 'Chart.yaml'))
      dependencies.push(await chartFromFiles(stripped, sub));
  }
  return dependencies;
}

/** Builds a chart from its files (paths relative to the chart root). */
async function chartFromFiles(files: readonly ArchiveFile[], context: LoadContext): Promise<Chart> {
  if (context.depth > MAX_DEPTH)
    throw new CubecapeError('FILE_UNREADABLE', 'subcharts nested too deeply', {
      file: context.display,
    });
  const find = (name: string): ArchiveFile | undefined =>
    files.find((entry) => entry.path === name);
  const chartYaml = find('Chart.yaml');
  if (chartYaml === undefined)
    throw new CubecapeError('FILE_UNREADABLE', 'not a Helm chart: Chart.yaml is missing', {
      file: context.display,
    });
  const requirementsFile = find('requirements.yaml');
  const requirements =
    requirementsFile === undefined
      ? undefined
      : parseYamlFile(
          requirementsFile.data.toString('utf8'),
          `${context.display}/requirements.yaml`,
        );
  const metadata = parseChartMetadata(
    chartYaml.data.toString('utf8'),
    `${context.display}/Chart.yaml`,
    requirements,
  );
  const valuesFile = find('values.yaml');
  const schemaFile = find('values.schema.json');
  const { templates, crds, other, subcharts } = partitionFiles(files);
  const dependencies = await loadSubcharts(subcharts, context);
  await addFileDependencies(metadata.dependencies, dependencies, context);
  const schemaText = schemaFile?.data.toString('utf8');
  return {
    metadata,
    values:
      valuesFile === undefined
        ? {}
        : parseValuesFile(valuesFile.data.toString('utf8'), `${context.display}/values.yaml`),
    schema:
      schemaText === undefined
        ? undefined
        : parseSchema(schemaText, `${context.display}/values.schema.json`),
    templates: templates.sort(byName),
    files: other.sort(byName),
    crds: crds.sort(byName),
    dependencies,
  };
}

function parseSchema(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CubecapeError('JSON_SYNTAX', `values.schema.json: ${String(error)}`, { file });
  }
}

/** Declared `file://` dependencies missing from `charts/`, read from their directories. */
async function addFileDependencies(
  declared: Chart['metadata']['dependencies'],
  loaded: Chart[],
  context: LoadContext,
): Promise<void> {
  if (context.directory === undefined) return;
  for (const dependency of declared) {
    if (loaded.some((chart) => chart.metadata.name === dependency.name)) continue;
    if (!dependency.repository.startsWith('file://')) continue;
    const path = resolve(context.directory, dependency.repository.slice('file://'.length));
    loaded.push(await loadChartAt(path, path, context.depth + 1));
  }
}

async function loadChartAt(path: string, display: string, depth: number): Promise<Chart> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CubecapeError('PATH_NOT_FOUND', 'no such chart', { file: display });
  }
  if (info.isDirectory())
    return chartFromFiles(await walkChartDirectory(path), { directory: path, display, depth });
  if (info.size > MAX_TOTAL_BYTES)
    throw new CubecapeError('FILE_TOO_LARGE', 'chart archive is too large', { file: display });
  const files = readChartArchive(await readFile(path), display);
  return chartFromFiles(stripTopDirectory(files, display), {
    directory: undefined,
    display,
    depth,
  });
}

/**
 * Loads the chart at `path` (a directory holding Chart.yaml, or a `.tgz` archive). Throws
 * `CubecapeError` when it is missing, malformed, too large, or an archive tries to escape.
 */
export function loadChart(path: string): Promise<Chart> {
  return loadChartAt(path, path, 0);
}
