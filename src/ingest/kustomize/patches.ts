/** `patches`, `patchesStrategicMerge` and `patchesJson6902`. */
import { yaml } from '../../core/lazy-require.js';
import { isRecord } from '../../model/resource.js';
import { buildError, type KustomizeFs } from './fs.js';
import { applyJsonPatch } from './json-patch.js';
import { gvOf, kindOf, nameOf, namespaceOf, str, type KNode, type Obj } from './node.js';
import { targetMatcher } from './select.js';
import { applyStrategicMerge } from './strategic-merge.js';

interface PatchContext {
  readonly fs: KustomizeFs;
  readonly dir: string;
  readonly file: string;
}

/** Parses patch text: YAML or JSON, possibly several documents. */
export function parsePatchText(text: string, file: string): unknown[] {
  const documents = yaml().parseAllDocuments(text);
  if (!Array.isArray(documents)) throw buildError('patch is empty', file);
  const values: unknown[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) throw buildError(`patch is not valid YAML: ${error.message}`, file);
    const value: unknown = document.toJS();
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

async function patchBodies(
  entry: Obj,
  ctx: PatchContext,
): Promise<{ values: unknown[]; file: string }> {
  const path = str(entry['path']);
  if (path !== undefined) {
    const file = `${ctx.dir}/${path}`;
    return { values: parsePatchText(await ctx.fs.readText(ctx.dir, path), file), file };
  }
  const inline = str(entry['patch']);
  if (inline !== undefined) return { values: parsePatchText(inline, ctx.file), file: ctx.file };
  throw buildError('a patch has neither `path` nor `patch`', ctx.file);
}

/** Resources a target-less strategic merge patch names by its own identity. */
function identityMatches(nodes: readonly KNode[], patch: Obj): KNode[] {
  const kind = kindOf(patch);
  const name = nameOf(patch);
  const group = gvOf(patch).group;
  const namespace = namespaceOf(patch);
  const named = nodes.filter(
    (node) =>
      kindOf(node.object) === kind &&
      gvOf(node.object).group === group &&
      node.names.includes(name),
  );
  const exact = named.filter((node) => node.namespaces.includes(namespace));
  if (exact.length > 0 || namespace !== undefined) return exact;
  return named.length === 1 ? named : [];
}

function applySmp(nodes: KNode[], patch: Obj, targets: readonly KNode[]): void {
  for (const node of targets) {
    const patched = applyStrategicMerge(node.object, patch);
    if (patched === undefined) nodes.splice(nodes.indexOf(node), 1);
    else node.object = patched;
  }
}

/** One patch (either kind) against the accumulated resources. */
function applyPatch(nodes: KNode[], value: unknown, target: Obj | undefined, file: string): void {
  const selected = target === undefined ? undefined : nodes.filter(targetMatcher(target));
  if (Array.isArray(value)) {
    if (selected === undefined) throw buildError('a JSON 6902 patch needs a `target`', file);
    for (const node of selected) node.object = applyJsonPatch(node.object, value, file);
    return;
  }
  if (!isRecord(value)) throw buildError('a patch must be a mapping or a list of operations', file);
  const targets = selected ?? identityMatches(nodes, value);
  if (targets.length === 0 && selected === undefined)
    throw buildError(
      `patch target ${kindOf(value)} ${nameOf(value)} not found in the resources`,
      file,
    );
  applySmp(nodes, value, targets);
}

/** Runs one kustomization's patches of every flavour, in kustomize's order. */
export async function runPatches(
  kustomization: Obj,
  nodes: KNode[],
  ctx: PatchContext,
  stage: 'strategic' | 'json6902',
): Promise<void> {
  if (stage === 'json6902') {
    for (const entry of listOf(kustomization['patchesJson6902'])) {
      const target = isRecord(entry['target']) ? entry['target'] : undefined;
      if (target === undefined) throw buildError('patchesJson6902 entry has no target', ctx.file);
      const { values, file } = await patchBodies(entry, ctx);
      for (const value of values) applyPatch(nodes, value, target, file);
    }
    return;
  }
  for (const item of Array.isArray(kustomization['patchesStrategicMerge'])
    ? kustomization['patchesStrategicMerge']
    : []) {
    if (typeof item !== 'string')
      throw buildError('patchesStrategicMerge entries are strings', ctx.file);
    const inline = item.includes('\n') || /^\s*[{[]/.test(item) || /^\s*\w+:\s/.test(item);
    const { values, file } = await patchBodies(inline ? { patch: item } : { path: item }, ctx);
    for (const value of values) applyPatch(nodes, value, undefined, file);
  }
  for (const entry of listOf(kustomization['patches'])) {
    const target = isRecord(entry['target']) ? entry['target'] : undefined;
    const { values, file } = await patchBodies(entry, ctx);
    for (const value of values) applyPatch(nodes, value, target, file);
  }
}

function listOf(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}
