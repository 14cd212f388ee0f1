import { isRecord } from '../model/resource.js';
import type { ApiClient } from './api-client.js';
import type { ServedKind } from './discovery.js';
import { sanitizeListed } from './sanitize.js';

/** Which namespaces a cluster read covers; both empty means all. */
export interface NamespaceFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** Objects per page: small enough to bound memory, large enough to keep requests few. */
export const PAGE_SIZE = 500;

function collectionPath(served: ServedKind, namespace: string | undefined): string {
  const base = served.group === '' ? '/api/v1' : `/apis/${served.apiVersion}`;
  const scope = namespace === undefined ? '' : `/namespaces/${encodeURIComponent(namespace)}`;
  return `${base}${scope}/${served.resource}`;
}

/** Whether an object of this kind belongs to the scanned namespaces. */
export function inScope(
  served: ServedKind,
  object: Record<string, unknown>,
  filter: NamespaceFilter,
): boolean {
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  let namespace: unknown;
  if (served.namespaced) namespace = metadata['namespace'];
  else if (served.kind === 'Namespace' && served.group === '') namespace = metadata['name'];
  else return true;
  if (typeof namespace !== 'string') return true;
  if (filter.include.length > 0 && !filter.include.includes(namespace)) return false;
  return !filter.exclude.includes(namespace);
}

/**
 * Lists one kind page by page (`limit`/`continue`), handing each page's sanitised objects to
 * `onPage` as it arrives so no more than one raw page is held at a time. With included
 * namespaces, namespaced kinds are listed per namespace (which also works for credentials that
 * may only read those namespaces). Rejects with the API's error (ApiStatusError on 403).
 */
export async function listKind(
  client: ApiClient,
  served: ServedKind,
  filter: NamespaceFilter,
  onPage: (objects: Record<string, unknown>[]) => void,
): Promise<void> {
  const scopes: (string | undefined)[] =
    served.namespaced && filter.include.length > 0 ? [...filter.include] : [undefined];
  for (const namespace of scopes) {
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (token !== undefined) query.set('continue', token);
      const page = await client.getJson(`${collectionPath(served, namespace)}?${query.toString()}`);
      const items = isRecord(page) && Array.isArray(page['items']) ? page['items'] : [];
      const objects: Record<string, unknown>[] = [];
      for (const item of items) {
        if (!isRecord(item)) continue;
        const object = sanitizeListed(item, served.apiVersion, served.kind);
        if (inScope(served, object, filter)) objects.push(object);
      }
      onPage(objects);
      const metadata = isRecord(page) && isRecord(page['metadata']) ? page['metadata'] : {};
      const next = metadata['continue'];
      token = typeof next === 'string' && next !== '' ? next : undefined;
    } while (token !== undefined);
  }
}
