import { groupOf, identityOf, isRecord } from '../model/resource.js';
import type { KubeObject, Origin, Position, Resource, SourceMap } from '../model/resource.js';
import type { IngestIssue } from './types.js';
import type { ParsedDocument } from './yaml-stream.js';

/** A resource before ids are assigned across the whole scan. */
export interface ResourceDraft {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly object: KubeObject;
  readonly origin: Origin;
  /** Position inside a List document, when the resource is one of its items. */
  readonly itemIndex?: number | undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Names as kubectl shows them: `name`, else `generateName*`, else `<unnamed>`. */
function nameOf(metadata: Record<string, unknown> | undefined): string {
  const name = metadata?.['name'];
  if (typeof name === 'number' || typeof name === 'boolean') return String(name);
  const given = nonEmptyString(name);
  if (given !== undefined) return given;
  const prefix = nonEmptyString(metadata?.['generateName']);
  return prefix === undefined ? '<unnamed>' : `${prefix}*`;
}

/** Why a value is not a Kubernetes object, or undefined when it is one. */
function notKubernetesReason(value: unknown): string | undefined {
  if (!isRecord(value))
    return `is ${Array.isArray(value) ? 'a sequence' : `a ${typeof value}`}, not a mapping`;
  const apiVersion = value['apiVersion'];
  const kind = value['kind'];
  if (apiVersion === undefined && kind === undefined) return 'has no `apiVersion` and no `kind`';
  if (nonEmptyString(apiVersion) === undefined) return 'has no string `apiVersion`';
  if (nonEmptyString(kind) === undefined) return 'has no string `kind`';
  return undefined;
}

function draftOf(
  object: Record<string, unknown>,
  origin: Origin,
  itemIndex?: number,
): ResourceDraft {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : undefined;
  return {
    apiVersion: String(object['apiVersion']),
    kind: String(object['kind']),
    name: nameOf(metadata),
    namespace: nonEmptyString(metadata?.['namespace']),
    object,
    origin,
    itemIndex,
  };
}

/** `DeploymentList` → `Deployment`; plain `List` items must name their own kind. */
function itemKindOf(listKind: string): string | undefined {
  return listKind === 'List' ? undefined : listKind.slice(0, -'List'.length);
}

function isList(object: Record<string, unknown>): boolean {
  const kind = object['kind'];
  return typeof kind === 'string' && kind.endsWith('List') && Array.isArray(object['items']);
}

function withInherited(
  item: Record<string, unknown>,
  apiVersion: unknown,
  kind: unknown,
): Record<string, unknown> {
  if (item['apiVersion'] !== undefined && item['kind'] !== undefined) return item;
  return { apiVersion: item['apiVersion'] ?? apiVersion, kind: item['kind'] ?? kind, ...item };
}

interface DocumentContext {
  readonly file: string;
  readonly doc: ParsedDocument;
  readonly drafts: ResourceDraft[];
  readonly issues: IngestIssue[];
}

function notKubernetes(
  context: DocumentContext,
  what: string,
  reason: string,
  position: Position,
): void {
  context.issues.push({
    code: 'NOT_KUBERNETES',
    severity: 'warning',
    message: `${what} ${reason}; skipped as not a Kubernetes object`,
    file: context.file,
    line: position.line,
    column: position.column,
  });
}

function expandList(context: DocumentContext, list: Record<string, unknown>): void {
  const { doc, file } = context;
  const items: unknown[] = Array.isArray(list['items']) ? list['items'] : [];
  const itemKind = itemKindOf(String(list['kind']));
  items.forEach((item, itemIndex) => {
    const sourceMap = doc.sourceMap.child(['items', itemIndex]);
    const position = sourceMap.locate([])?.position ?? doc.position;
    const what = `item ${itemIndex} of the ${String(list['kind'])} in document ${doc.index + 1}`;
    const object = isRecord(item) ? withInherited(item, list['apiVersion'], itemKind) : item;
    const reason = notKubernetesReason(object);
    if (reason !== undefined || !isRecord(object)) {
      notKubernetes(context, what, reason ?? 'is not a mapping', position);
      return;
    }
    const origin: Origin = { file, documentIndex: doc.index, position, sourceMap };
    context.drafts.push(draftOf(object, origin, itemIndex));
  });
}

/**
 * Turns parsed documents into resource drafts: Lists (`kind: List`, `*List` with `items`) are
 * expanded into their items, documents that are not Kubernetes objects are reported as
 * NOT_KUBERNETES warnings.
 */
export function documentsToDrafts(
  documents: readonly ParsedDocument[],
  file: string,
): { drafts: ResourceDraft[]; issues: IngestIssue[] } {
  const drafts: ResourceDraft[] = [];
  const issues: IngestIssue[] = [];
  for (const doc of documents) {
    const context: DocumentContext = { file, doc, drafts, issues };
    const reason = notKubernetesReason(doc.value);
    if (reason !== undefined || !isRecord(doc.value)) {
      notKubernetes(
        context,
        `document ${doc.index + 1}`,
        reason ?? 'is not a mapping',
        doc.position,
      );
    } else if (isList(doc.value)) {
      expandList(context, doc.value);
    } else {
      const sourceMap: SourceMap = doc.sourceMap;
      const origin: Origin = { file, documentIndex: doc.index, position: doc.position, sourceMap };
      drafts.push(draftOf(doc.value, origin));
    }
  }
  return { drafts, issues };
}

/** The suffix that tells colliding resources apart: `@file#document` (`/item` for List items). */
function collisionSuffix(draft: ResourceDraft): string {
  const item = draft.itemIndex === undefined ? '' : `/${draft.itemIndex}`;
  return `@${draft.origin.file}#${draft.origin.documentIndex}${item}`;
}

/**
 * Assigns stable ids in input order: the first resource with an identity keeps it, later ones
 * get {@link collisionSuffix}, so ids do not depend on anything but the inputs and their order.
 */
export function assignIds(drafts: readonly ResourceDraft[]): Resource[] {
  const taken = new Set<string>();
  return drafts.map((draft) => {
    const group = groupOf(draft.apiVersion);
    const identity = identityOf(group, draft.kind, draft.namespace, draft.name);
    let id = taken.has(identity) ? `${identity}${collisionSuffix(draft)}` : identity;
    for (let copy = 2; taken.has(id); copy += 1)
      id = `${identity}${collisionSuffix(draft)}~${copy}`;
    taken.add(id);
    return {
      id,
      apiVersion: draft.apiVersion,
      group,
      kind: draft.kind,
      name: draft.name,
      namespace: draft.namespace,
      object: draft.object,
      origin: draft.origin,
    };
  });
}
