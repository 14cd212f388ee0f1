/** The built-in transformers: namespace, name prefix/suffix, labels, annotations, images, replicas. */
import { isRecord } from '../../model/resource.js';
import { buildError } from './fs.js';
import {
  SELECTOR_LABEL_SPECS,
  TEMPLATE_ANNOTATION_SPECS,
  TEMPLATE_LABEL_SPECS,
  REPLICA_KINDS,
  type FieldSpec,
} from './field-specs.js';
import {
  CLUSTER_SCOPED,
  kindOf,
  nameOf,
  scalarText,
  setName,
  setNamespace,
  str,
  visitPath,
  type KNode,
  type Obj,
} from './node.js';

function applySpecs(
  node: KNode,
  specs: readonly FieldSpec[],
  values: Record<string, string>,
): void {
  const kind = kindOf(node.object);
  for (const spec of specs) {
    if (spec.kinds !== undefined && !spec.kinds.includes(kind)) continue;
    visitPath(node.object, spec.path.split('/'), spec.create, (parent, key) => {
      const existing = parent[key];
      if (isRecord(existing)) Object.assign(existing, values);
      else if ((existing === undefined || existing === null) && spec.create)
        parent[key] = { ...values };
    });
  }
}

const METADATA_LABELS: FieldSpec = { path: 'metadata/labels', create: true };
const METADATA_ANNOTATIONS: FieldSpec = { path: 'metadata/annotations', create: true };

/** `commonLabels`: metadata, selectors and templates. */
export function addCommonLabels(nodes: readonly KNode[], labels: Record<string, string>): void {
  const specs = [METADATA_LABELS, ...SELECTOR_LABEL_SPECS, ...TEMPLATE_LABEL_SPECS];
  for (const node of nodes) applySpecs(node, specs, labels);
}

/** One `labels` entry: metadata always, templates and selectors when asked. */
export function addLabels(
  nodes: readonly KNode[],
  labels: Record<string, string>,
  options: { includeSelectors: boolean; includeTemplates: boolean },
): void {
  const specs = [METADATA_LABELS];
  // Selectors imply templates, or the pods would no longer match their own selector.
  if (options.includeSelectors) specs.push(...SELECTOR_LABEL_SPECS, ...TEMPLATE_LABEL_SPECS);
  else if (options.includeTemplates) specs.push(...TEMPLATE_LABEL_SPECS);
  for (const node of nodes) applySpecs(node, specs, labels);
}

/** `commonAnnotations`: metadata and pod templates. */
export function addAnnotations(nodes: readonly KNode[], annotations: Record<string, string>): void {
  const specs = [METADATA_ANNOTATIONS, ...TEMPLATE_ANNOTATION_SPECS];
  for (const node of nodes) applySpecs(node, specs, annotations);
}

/** `namespace`: every namespaced resource, and the service references that name a namespace. */
export function setNamespaces(nodes: readonly KNode[], namespace: string): void {
  for (const node of nodes) {
    const kind = kindOf(node.object);
    if (!CLUSTER_SCOPED.has(kind)) setNamespace(node, namespace);
    // kustomize turns Namespace objects into the target namespace itself.
    if (kind === 'Namespace') setName(node, namespace);
    if (kind === 'RoleBinding' || kind === 'ClusterRoleBinding')
      setSubjectNamespaces(node.object, namespace);
    if (kind === 'MutatingWebhookConfiguration' || kind === 'ValidatingWebhookConfiguration')
      visitPath(
        node.object,
        ['webhooks[]', 'clientConfig', 'service', 'namespace'],
        false,
        (parent, key) => {
          if (key in parent) parent[key] = namespace;
        },
      );
  }
}

function setSubjectNamespaces(object: Obj, namespace: string): void {
  const subjects = object['subjects'];
  if (!Array.isArray(subjects)) return;
  for (const subject of subjects) {
    // kustomize moves only the `default` ServiceAccount; others are fixed by name references.
    if (isRecord(subject) && subject['kind'] === 'ServiceAccount' && subject['name'] === 'default')
      subject['namespace'] = namespace;
  }
}

const NO_RENAME = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/** `namePrefix` / `nameSuffix`: every resource but CRDs, APIServices and Namespaces. */
export function renameAll(nodes: readonly KNode[], prefix: string, suffix: string): void {
  if (prefix === '' && suffix === '') return;
  for (const node of nodes) {
    if (NO_RENAME.has(kindOf(node.object))) continue;
    setName(node, `${prefix}${nameOf(node.object)}${suffix}`);
  }
}

/** `replicas`: counts by resource name. */
export function setReplicas(nodes: readonly KNode[], entries: readonly unknown[]): void {
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const name = str(entry['name']);
    const count = entry['count'];
    if (name === undefined || typeof count !== 'number')
      throw buildError('a `replicas` entry needs a name and a numeric count', undefined);
    const matched = nodes.filter(
      (node) =>
        REPLICA_KINDS.has(kindOf(node.object)) &&
        (node.names[0] === name || node.names[node.names.length - 1] === name),
    );
    if (matched.length === 0)
      throw buildError(
        `replicas: no Deployment, StatefulSet, ReplicaSet or ReplicationController named ${name}`,
        undefined,
      );
    for (const node of matched) {
      const spec = node.object['spec'];
      if (isRecord(spec)) spec['replicas'] = count;
      else node.object['spec'] = { replicas: count };
    }
  }
}

/** Splits `registry/name:tag@digest` into its name and the rest. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const rest = at === -1 ? image : image.slice(0, at);
  const colon = rest.lastIndexOf(':');
  const hasTag = colon > rest.lastIndexOf('/');
  const name = hasTag ? rest.slice(0, colon) : rest;
  const tag = hasTag ? rest.slice(colon + 1) : undefined;
  return {
    name,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest }),
  };
}

function newImage(image: string, entry: Obj): string | undefined {
  const parts = splitImage(image);
  if (parts.name !== str(entry['name'])) return undefined;
  const name = str(entry['newName']) ?? parts.name;
  const digest = str(entry['digest']);
  if (digest !== undefined) return `${name}@${digest}`;
  const tag = scalarText(entry['newTag']);
  if (tag !== undefined) return `${name}:${tag}`;
  const suffix = `${parts.tag === undefined ? '' : `:${parts.tag}`}${parts.digest === undefined ? '' : `@${parts.digest}`}`;
  return `${name}${suffix}`;
}

function updateContainers(value: unknown, entries: readonly Obj[]): void {
  if (Array.isArray(value)) {
    for (const item of value) updateContainers(item, entries);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      for (const container of child) {
        if (!isRecord(container) || typeof container['image'] !== 'string') continue;
        for (const entry of entries) {
          const updated = newImage(container['image'], entry);
          if (updated !== undefined) {
            container['image'] = updated;
            break;
          }
        }
      }
    } else updateContainers(child, entries);
  }
}

/** `images`: new names, tags or digests for matching container images anywhere in a resource. */
export function setImages(nodes: readonly KNode[], entries: readonly unknown[]): void {
  const images = entries.filter(isRecord);
  if (images.length === 0) return;
  for (const node of nodes) updateContainers(node.object, images);
}
