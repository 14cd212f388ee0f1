/** The working representation of one resource while a kustomization is built. */
import { isRecord, type Origin } from '../../model/resource.js';

/** A mutable object tree: kustomize edits resources in place while transforming them. */
export type Obj = Record<string, unknown>;

/** One resource in the build, with the history kustomize needs to fix up references. */
export interface KNode {
  object: Obj;
  /** Where the resource was read from (base file) or generated (kustomization file). */
  readonly origin: Origin | undefined;
  /** Every name the resource has had, oldest first; the last is the current name. */
  readonly names: string[];
  /** Namespaces the resource has had, oldest first. */
  readonly namespaces: (string | undefined)[];
  /** Generated ConfigMaps and Secrets get a content hash suffix at the very end. */
  needsHash: boolean;
  /** Generator behaviour, kept so overlays can merge into or replace a base generator. */
  readonly generated: boolean;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function metadataOf(object: Obj): Obj {
  const metadata = object['metadata'];
  if (isRecord(metadata)) return metadata;
  const created: Obj = {};
  object['metadata'] = created;
  return created;
}

export function nameOf(object: Obj): string {
  const metadata = object['metadata'];
  return isRecord(metadata) ? (str(metadata['name']) ?? '') : '';
}

export function namespaceOf(object: Obj): string | undefined {
  const metadata = object['metadata'];
  const ns = isRecord(metadata) ? str(metadata['namespace']) : undefined;
  return ns === '' ? undefined : ns;
}

export function kindOf(object: Obj): string {
  return str(object['kind']) ?? '';
}

/** `apps/v1` → { group: 'apps', version: 'v1' }. */
export function gvOf(object: Obj): { group: string; version: string } {
  const apiVersion = str(object['apiVersion']) ?? '';
  const slash = apiVersion.indexOf('/');
  return slash === -1
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function setName(node: KNode, name: string): void {
  metadataOf(node.object)['name'] = name;
  if (node.names[node.names.length - 1] !== name) node.names.push(name);
}

export function setNamespace(node: KNode, namespace: string): void {
  metadataOf(node.object)['namespace'] = namespace;
  node.namespaces.push(namespace);
}

/** A deep copy of plain JSON-like data. */
export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Kinds that live outside namespaces (the built-in ones kustomize knows). */
export const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'RuntimeClass',
  'SelfSubjectAccessReview',
  'SelfSubjectRulesReview',
  'StorageClass',
  'SubjectAccessReview',
  'TokenReview',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

export function newNode(object: Obj, origin: Origin | undefined, generated = false): KNode {
  return {
    object,
    origin,
    names: [nameOf(object)],
    namespaces: [namespaceOf(object)],
    needsHash: false,
    generated,
  };
}

/** Walks `path` (`[]` steps into every list item) and calls `visit` on each parent holding the last key. */
export function visitPath(
  root: unknown,
  path: readonly string[],
  create: boolean,
  visit: (parent: Obj, key: string) => void,
): void {
  const [head, ...rest] = path;
  if (head === undefined || !isRecord(root)) return;
  const list = head.endsWith('[]');
  const key = list ? head.slice(0, -2) : head;
  if (rest.length === 0 && !list) {
    visit(root, key);
    return;
  }
  let child = root[key];
  if (child === undefined || child === null) {
    if (!create || list) return;
    child = {};
    root[key] = child;
  }
  if (list) {
    if (!Array.isArray(child)) return;
    for (const item of child) visitPath(item, rest, create, visit);
  } else visitPath(child, rest, create, visit);
}

/** A scalar as the text YAML would show; undefined for maps, lists and null. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A map of scalars as strings (labels, annotations, literals); other entries are dropped. */
export function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [key, item] of Object.entries(value)) {
    const text = scalarText(item);
    if (text !== undefined) out[key] = text;
  }
  return out;
}
