/** `replacements`: copy a field of one resource into fields of others. */
import { isRecord } from '../../model/resource.js';
import { buildError, type KustomizeFs } from './fs.js';
import { gvOf, kindOf, scalarText, str, type KNode, type Obj } from './node.js';
import { parsePatchText } from './patches.js';
import { parseLabelSelector } from './select.js';

/** `a.b.[name=x].c` → segments, keeping dots inside brackets. */
export function splitFieldPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  let depth = 0;
  for (const char of path) {
    if (char === '[') depth += 1;
    if (char === ']') depth -= 1;
    if (char === '.' && depth === 0) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments;
}

type Step = { key: string } | { index: number } | { match: [string, string] };

function stepOf(segment: string): Step {
  const bracket = /^\[([^=\]]+)=([^\]]*)\]$/.exec(segment);
  if (bracket !== null) return { match: [bracket[1] ?? '', bracket[2] ?? ''] };
  if (/^\d+$/.test(segment)) return { index: Number(segment) };
  return { key: segment };
}

function child(node: unknown, step: Step): unknown {
  if ('key' in step) return isRecord(node) ? node[step.key] : undefined;
  if (!Array.isArray(node)) return undefined;
  if ('index' in step) return node[step.index];
  const [key, value] = step.match;
  return node.find((item) => isRecord(item) && String(item[key]) === value);
}

/** Reads the value at a kustomize field path, or undefined. */
export function getField(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of splitFieldPath(path)) node = child(node, stepOf(segment));
  return node;
}

function setField(root: Obj, path: string, value: unknown, create: boolean): boolean {
  const steps = splitFieldPath(path).map(stepOf);
  let node: unknown = root;
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    if (last) {
      if ('key' in step && isRecord(node) && (create || step.key in node)) node[step.key] = value;
      else if ('index' in step && Array.isArray(node) && step.index < node.length)
        node[step.index] = value;
      else return false;
      return true;
    }
    let next = child(node, step);
    if (next === undefined && create && 'key' in step && isRecord(node)) {
      next = {};
      node[step.key] = next;
    }
    node = next;
  }
  return false;
}

function matches(node: KNode, selector: Obj): boolean {
  const { group, version } = gvOf(node.object);
  const checks: [unknown, string[]][] = [
    [selector['group'], [group]],
    [selector['version'], [version]],
    [selector['kind'], [kindOf(node.object)]],
    [selector['name'], [node.names[0] ?? '', node.names[node.names.length - 1] ?? '']],
    [
      selector['namespace'],
      [node.namespaces[0] ?? '', node.namespaces[node.namespaces.length - 1] ?? ''],
    ],
  ];
  for (const [wanted, actual] of checks)
    if (typeof wanted === 'string' && wanted !== '' && !actual.includes(wanted)) return false;
  for (const [field, key] of [
    ['labelSelector', 'labels'],
    ['annotationSelector', 'annotations'],
  ] as const) {
    const selectorText = str(selector[field]);
    if (selectorText === undefined) continue;
    const metadata = node.object['metadata'];
    const map = isRecord(metadata) && isRecord(metadata[key]) ? metadata[key] : {};
    if (!parseLabelSelector(selectorText)(map)) return false;
  }
  return true;
}

function delimited(whole: unknown, options: Obj, part: unknown): unknown {
  const delimiter = str(options['delimiter']);
  if (delimiter === undefined || delimiter === '') return part ?? whole;
  const index = typeof options['index'] === 'number' ? options['index'] : 0;
  const wholeText = scalarText(whole) ?? '';
  if (part === undefined) return wholeText.split(delimiter)[index];
  const text = scalarText(part) ?? JSON.stringify(part);
  const pieces = typeof whole === 'string' ? whole.split(delimiter) : [];
  if (index < 0) pieces.unshift(text);
  else if (index >= pieces.length) pieces.push(text);
  else pieces[index] = text;
  return pieces.join(delimiter);
}

function sourceValue(nodes: readonly KNode[], source: Obj, file: string): unknown {
  const found = nodes.filter((node) => matches(node, source));
  if (found.length !== 1)
    throw buildError(
      `replacement source matches ${String(found.length)} resources, expected 1`,
      file,
    );
  const path = str(source['fieldPath']) ?? 'metadata.name';
  const value = getField(found[0]?.object, path);
  if (value === undefined) throw buildError(`replacement source has no field ${path}`, file);
  return delimited(value, isRecord(source['options']) ? source['options'] : {}, undefined);
}

function applyReplacement(nodes: readonly KNode[], replacement: Obj, file: string): void {
  const source = isRecord(replacement['source']) ? replacement['source'] : undefined;
  if (source === undefined) throw buildError('a replacement has no source', file);
  const value = sourceValue(nodes, source, file);
  for (const target of Array.isArray(replacement['targets'])
    ? replacement['targets'].filter(isRecord)
    : []) {
    const select = isRecord(target['select']) ? target['select'] : {};
    const rejects = Array.isArray(target['reject']) ? target['reject'].filter(isRecord) : [];
    const options = isRecord(target['options']) ? target['options'] : {};
    const paths = Array.isArray(target['fieldPaths'])
      ? target['fieldPaths'].filter((p) => typeof p === 'string')
      : [];
    for (const node of nodes) {
      if (!matches(node, select) || rejects.some((reject) => matches(node, reject))) continue;
      for (const path of paths) {
        const next = delimited(getField(node.object, path), options, structuredClone(value));
        if (!setField(node.object, path, next, options['create'] === true))
          throw buildError(`replacement target has no field ${path}; set options.create`, file);
      }
    }
  }
}

/** Runs a kustomization's `replacements`, inline or from files. */
export async function runReplacements(
  body: Obj,
  nodes: readonly KNode[],
  ctx: { fs: KustomizeFs; dir: string; file: string },
): Promise<void> {
  for (const entry of Array.isArray(body['replacements']) ? body['replacements'] : []) {
    if (!isRecord(entry)) throw buildError('a replacement is not a mapping', ctx.file);
    const path = str(entry['path']);
    if (path === undefined) {
      applyReplacement(nodes, entry, ctx.file);
      continue;
    }
    const file = `${ctx.dir}/${path}`;
    for (const value of parsePatchText(await ctx.fs.readText(ctx.dir, path), file))
      for (const item of Array.isArray(value) ? value : [value])
        if (isRecord(item)) applyReplacement(nodes, item, file);
  }
}
