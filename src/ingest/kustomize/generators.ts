/** `configMapGenerator` and `secretGenerator`: ConfigMaps and Secrets made from literals and files. */
import { basename } from 'node:path';
import { isRecord } from '../../model/resource.js';
import { buildError, generatedOrigin, type KustomizeFs } from './fs.js';
import {
  kindOf,
  metadataOf,
  namespaceOf,
  newNode,
  str,
  stringRecord,
  type KNode,
  type Obj,
} from './node.js';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8Text(bytes: Buffer): string | undefined {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0];
    if ((first === '"' || first === "'") && value.endsWith(first)) return value.slice(1, -1);
  }
  return value;
}

/** `KEY=VALUE` lines; blank lines and `#` comments are skipped, as kustomize does. */
export function parseEnvFile(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    // A bare key takes its value from kustomize's environment; we have none to offer.
    if (eq === -1) pairs.push([line.trim(), '']);
    else pairs.push([line.slice(0, eq), line.slice(eq + 1)]);
  }
  return pairs;
}

async function collectData(entry: Obj, fs: KustomizeFs, dir: string): Promise<[string, Buffer][]> {
  const pairs: [string, Buffer][] = [];
  const envs = [...stringList(entry['envs']), ...stringList([entry['env']])];
  for (const env of envs)
    for (const [key, value] of parseEnvFile(await fs.readText(dir, env)))
      pairs.push([key, Buffer.from(value, 'utf8')]);
  for (const literal of stringList(entry['literals'])) {
    const eq = literal.indexOf('=');
    if (eq <= 0) throw buildError(`literal ${JSON.stringify(literal)} is not KEY=VALUE`, dir);
    pairs.push([literal.slice(0, eq), Buffer.from(unquote(literal.slice(eq + 1)), 'utf8')]);
  }
  for (const file of stringList(entry['files'])) {
    const eq = file.indexOf('=');
    const key = eq === -1 ? basename(file) : file.slice(0, eq);
    pairs.push([key, await fs.readBytes(dir, eq === -1 ? file : file.slice(eq + 1))]);
  }
  return pairs;
}

/** Base64 as kustomize writes Secret data: values of 70 characters or more wrap every 70, each line ending in a newline. */
export function wrappedBase64(value: string | Buffer): string {
  const encoded = (typeof value === 'string' ? Buffer.from(value, 'utf8') : value).toString(
    'base64',
  );
  const lineLength = 70;
  if (encoded.length < lineLength) return encoded;
  let out = '';
  for (let i = 0; i < encoded.length; i += lineLength)
    out += `${encoded.slice(i, i + lineLength)}\n`;
  return out;
}

/** Generator options merged: the entry's own options win over `generatorOptions`. */
interface Options {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  disableHash: boolean;
  immutable: boolean;
}

function optionsOf(global: unknown, local: unknown): Options {
  const g = isRecord(global) ? global : {};
  const l = isRecord(local) ? local : {};
  return {
    labels: { ...stringRecord(g['labels']), ...stringRecord(l['labels']) },
    annotations: { ...stringRecord(g['annotations']), ...stringRecord(l['annotations']) },
    disableHash: (l['disableNameSuffixHash'] ?? g['disableNameSuffixHash']) === true,
    immutable: (l['immutable'] ?? g['immutable']) === true,
  };
}

async function generate(
  kind: 'ConfigMap' | 'Secret',
  entry: Obj,
  global: unknown,
  ctx: { fs: KustomizeFs; dir: string; file: string },
): Promise<KNode> {
  const name = str(entry['name']);
  if (name === undefined || name === '')
    throw buildError(`a ${kind} generator has no name`, ctx.file);
  const data: Record<string, string> = {};
  const binaryData: Record<string, string> = {};
  for (const [key, value] of await collectData(entry, ctx.fs, ctx.dir)) {
    if (key in data || key in binaryData)
      throw buildError(`${kind} ${name}: key ${key} given twice`, ctx.file);
    const text = kind === 'Secret' ? undefined : utf8Text(value);
    // ConfigMaps carry text in data and anything else, base64-encoded, in binaryData.
    if (text !== undefined) data[key] = text;
    else if (kind === 'Secret') data[key] = wrappedBase64(value);
    else binaryData[key] = wrappedBase64(value);
  }
  const options = optionsOf(global, entry['options']);
  const metadata: Obj = { name };
  const namespace = str(entry['namespace']);
  if (namespace !== undefined && namespace !== '') metadata['namespace'] = namespace;
  if (Object.keys(options.labels).length > 0) metadata['labels'] = options.labels;
  if (Object.keys(options.annotations).length > 0) metadata['annotations'] = options.annotations;
  const object: Obj = { apiVersion: 'v1', kind, metadata };
  if (kind === 'Secret') object['type'] = str(entry['type']) ?? 'Opaque';
  if (Object.keys(data).length > 0) object['data'] = data;
  if (Object.keys(binaryData).length > 0) object['binaryData'] = binaryData;
  if (options.immutable) object['immutable'] = true;
  const node = newNode(object, undefined, true);
  node.needsHash = !options.disableHash;
  return node;
}

function findGenerated(nodes: readonly KNode[], made: KNode): KNode | undefined {
  const name = made.names[0];
  const namespace = namespaceOf(made.object);
  return nodes.find(
    (node) =>
      kindOf(node.object) === kindOf(made.object) &&
      node.names.includes(name ?? '') &&
      (namespace === undefined || namespaceOf(node.object) === namespace),
  );
}

function mergeInto(target: KNode, made: KNode, replace: boolean): void {
  const data = replace ? {} : stringRecord(target.object['data']);
  Object.assign(data, stringRecord(made.object['data']));
  target.object['data'] = data;
  const metadata = metadataOf(target.object);
  const from = metadataOf(made.object);
  for (const key of ['labels', 'annotations'] as const) {
    const merged = { ...stringRecord(metadata[key]), ...stringRecord(from[key]) };
    if (Object.keys(merged).length > 0) metadata[key] = merged;
  }
  target.needsHash = made.needsHash;
}

/** Runs both generators of one kustomization against the resources accumulated so far. */
export async function runGenerators(
  kustomization: Obj,
  nodes: KNode[],
  ctx: { fs: KustomizeFs; dir: string; file: string },
): Promise<void> {
  const global = kustomization['generatorOptions'];
  const lists = [
    ['ConfigMap', kustomization['configMapGenerator']],
    ['Secret', kustomization['secretGenerator']],
  ] as const;
  for (const [kind, list] of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isRecord(entry))
        throw buildError(`a ${kind} generator entry is not a mapping`, ctx.file);
      const made = await generate(kind, entry, global, ctx);
      const behavior = str(entry['behavior']) ?? 'create';
      const existing = findGenerated(nodes, made);
      if (behavior === 'create') {
        if (existing !== undefined)
          throw buildError(
            `${kind} ${made.names[0] ?? ''} already exists; use behavior: merge`,
            ctx.file,
          );
        nodes.push({ ...made, origin: generatedOrigin(ctx.file) });
      } else if (behavior === 'merge' || behavior === 'replace') {
        if (existing === undefined)
          throw buildError(`${kind} ${made.names[0] ?? ''} to ${behavior} was not found`, ctx.file);
        mergeInto(existing, made, behavior === 'replace');
      } else throw buildError(`unknown generator behavior ${JSON.stringify(behavior)}`, ctx.file);
    }
  }
}
