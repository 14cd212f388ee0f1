/** `kustomize build`: accumulate resources, bases, components and generators, then transform. */
import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CubecapeError } from '../../core/errors.js';
import { yaml } from '../../core/lazy-require.js';
import { isRecord } from '../../model/resource.js';
import { parseResourceDrafts } from '../yaml.js';
import { buildError, isRemote, kustomizationFileIn, localFs, type KustomizeFs } from './fs.js';
import { runGenerators } from './generators.js';
import { runHelmCharts } from './helm-charts.js';
import { kustomizeHash } from './hash.js';
import { fixNameReferences } from './name-references.js';
import {
  clone,
  gvOf,
  kindOf,
  nameOf,
  namespaceOf,
  newNode,
  stringRecord,
  setName,
  str,
  type KNode,
  type Obj,
} from './node.js';
import { runPatches } from './patches.js';
import { runReplacements } from './replacements.js';
import {
  addAnnotations,
  addCommonLabels,
  addLabels,
  renameAll,
  setImages,
  setNamespaces,
  setReplicas,
} from './transforms.js';

/** Fields that change the output and that cubecape cannot build yet: refusing beats guessing. */
const UNSUPPORTED = ['vars', 'transformers', 'generators', 'validators'];

interface Level {
  readonly fs: KustomizeFs;
  readonly dir: string;
  readonly file: string;
  /** Absolute directories being built, outermost first, to catch cycles. */
  readonly stack: readonly string[];
}

async function readKustomization(
  dir: string,
  fs: KustomizeFs,
): Promise<{ file: string; body: Obj }> {
  const file = await kustomizationFileIn(dir);
  if (file === undefined)
    throw buildError(`${dir} has no kustomization.yaml, kustomization.yml or Kustomization`, dir);
  const text = await fs.readText(dir, file.slice(dir.length + 1));
  const document = yaml().parseDocument(text);
  const error = document.errors[0];
  if (error !== undefined)
    throw new CubecapeError('YAML_SYNTAX', `kustomization is not valid YAML: ${error.message}`, {
      file,
    });
  const body: unknown = document.toJS();
  if (body !== null && body !== undefined && !isRecord(body))
    throw buildError('a kustomization must be a mapping', file);
  return { file, body: body ?? {} };
}

function strings(value: unknown, field: string, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    throw buildError(`\`${field}\` must be a list of strings`, file);
  return value;
}

function idOf(node: KNode): string {
  const object = node.object;
  return `${gvOf(object).group}/${kindOf(object)}/${namespaceOf(object) ?? ''}/${nameOf(object)}`;
}

function absorb(into: KNode[], nodes: readonly KNode[], file: string): void {
  const seen = new Set(into.map(idOf));
  for (const node of nodes) {
    const id = idOf(node);
    if (seen.has(id))
      throw buildError(`resource ${id} is defined twice (already registered id)`, file);
    seen.add(id);
    into.push(node);
  }
}

async function readResourceFile(
  path: string,
  fs: KustomizeFs,
  dir: string,
  entry: string,
): Promise<KNode[]> {
  const text = await fs.readText(dir, entry);
  const parsed = parseResourceDrafts(text, path);
  const failure = parsed.issues.find((issue) => issue.severity === 'error');
  if (failure !== undefined)
    throw new CubecapeError(failure.code, failure.message, { file: path, line: failure.line });
  return parsed.drafts.map((draft) => newNode(clone(draft.object) as Obj, draft.origin));
}

async function accumulateResources(level: Level, body: Obj, nodes: KNode[]): Promise<void> {
  const entries = [
    ...strings(body['resources'], 'resources', level.file),
    ...strings(body['bases'], 'bases', level.file),
  ];
  for (const entry of entries) {
    if (isRemote(entry))
      throw buildError(
        `${entry}: remote bases need network access; vendor the base locally`,
        level.file,
      );
    const path = join(level.dir, entry);
    let isDir: boolean;
    try {
      isDir = (await stat(path)).isDirectory();
    } catch (error) {
      throw new CubecapeError('PATH_NOT_FOUND', `resource ${entry} does not exist`, {
        file: level.file,
        cause: error,
      });
    }
    const found = isDir
      ? await buildLevel(path, level, false, [])
      : await readResourceFile(path, level.fs, level.dir, entry);
    absorb(nodes, found, level.file);
  }
}

async function transform(level: Level, body: Obj, nodes: KNode[]): Promise<void> {
  await runPatches(body, nodes, level, 'strategic');
  const namespace = str(body['namespace']);
  if (namespace !== undefined && namespace !== '') setNamespaces(nodes, namespace);
  renameAll(nodes, str(body['namePrefix']) ?? '', str(body['nameSuffix']) ?? '');
  const common = stringRecord(body['commonLabels']);
  if (Object.keys(common).length > 0) addCommonLabels(nodes, common);
  for (const entry of Array.isArray(body['labels']) ? body['labels'] : []) {
    if (!isRecord(entry)) continue;
    addLabels(nodes, stringRecord(entry['pairs']), {
      includeSelectors: entry['includeSelectors'] === true,
      includeTemplates: entry['includeTemplates'] === true,
    });
  }
  const annotations = stringRecord(body['commonAnnotations']);
  if (Object.keys(annotations).length > 0) addAnnotations(nodes, annotations);
  await runPatches(body, nodes, level, 'json6902');
  if (Array.isArray(body['replicas'])) setReplicas(nodes, body['replicas']);
  if (Array.isArray(body['images'])) setImages(nodes, body['images']);
  await runReplacements(body, nodes, level);
}

/**
 * Builds the kustomization in `dir` on top of `nodes` (a component edits its parent's resources;
 * a base or overlay starts empty) and returns the resulting resources.
 */
async function buildLevel(
  dir: string,
  parent: Level | undefined,
  component: boolean,
  nodes: KNode[],
): Promise<KNode[]> {
  const fs = parent?.fs ?? localFs;
  // Real paths, so a symlink back to an ancestor is caught as a cycle too.
  const absolute = await realpath(dir).catch(() => resolve(dir));
  const stack = parent?.stack ?? [];
  if (stack.includes(absolute))
    throw buildError(`kustomization cycle: ${[...stack, absolute].join(' → ')}`, parent?.file);
  const { file, body } = await readKustomization(dir, fs);
  const kind = str(body['kind']) ?? 'Kustomization';
  if (component !== (kind === 'Component'))
    throw buildError(
      component
        ? `${dir} is listed in components but is not a Component`
        : `${dir} is a Component; list it under components`,
      parent?.file ?? file,
    );
  const unsupported = UNSUPPORTED.filter((field) => body[field] !== undefined);
  if (unsupported.length > 0)
    throw buildError(
      `${unsupported.join(', ')} ${unsupported.length === 1 ? 'is' : 'are'} not supported yet; ` +
        'render with kustomize and scan the output instead',
      file,
    );
  const level: Level = { fs, dir, file, stack: [...stack, absolute] };
  await accumulateResources(level, body, nodes);
  for (const entry of strings(body['components'], 'components', file)) {
    if (isRemote(entry))
      throw buildError(
        `${entry}: remote components need network access; vendor them locally`,
        file,
      );
    await buildLevel(join(dir, entry), level, true, nodes);
  }
  await runGenerators(body, nodes, level);
  absorb(nodes, await runHelmCharts(body, dir, file), file);
  await transform(level, body, nodes);
  // Renames and namespaces can make two resources one; kustomize refuses that.
  absorb([], nodes, file);
  return nodes;
}

/** The top kustomization's `sortOptions`: `fifo` keeps input order. */
export interface SortOptions {
  readonly order: 'legacy' | 'fifo' | undefined;
  readonly orderFirst?: readonly string[];
  readonly orderLast?: readonly string[];
}

function sortOptionsOf(body: Obj, file: string): SortOptions {
  const options = body['sortOptions'];
  if (!isRecord(options)) return { order: undefined };
  const order = str(options['order']);
  if (order !== 'legacy' && order !== 'fifo')
    throw buildError('sortOptions.order must be legacy or fifo', file);
  const legacy = isRecord(options['legacySortOptions']) ? options['legacySortOptions'] : {};
  return {
    order,
    ...(legacy['orderFirst'] === undefined
      ? {}
      : { orderFirst: strings(legacy['orderFirst'], 'orderFirst', file) }),
    ...(legacy['orderLast'] === undefined
      ? {}
      : { orderLast: strings(legacy['orderLast'], 'orderLast', file) }),
  };
}

/** Builds a kustomization directory into its final resources, in input order. */
export async function buildNodes(
  dir: string,
  fs: KustomizeFs = localFs,
): Promise<{ nodes: KNode[]; sort: SortOptions }> {
  const { file, body } = await readKustomization(dir, fs);
  const sort = sortOptionsOf(body, file);
  const nodes = await buildLevel(dir, { fs, dir, file: dir, stack: [] }, false, []);
  for (const node of nodes) {
    if (node.needsHash) setName(node, `${nameOf(node.object)}-${kustomizeHash(node.object)}`);
  }
  fixNameReferences(nodes);
  return { nodes, sort };
}
