import { readFile, stat } from 'node:fs/promises';
import type { ResourceDraft } from '../ingest/resources.js';
import { isRecord, type Origin, type SourceMap } from '../model/resource.js';

/** Where an item of a snapshot starts: its own line, so any path inside it maps there. */
function lineMap(line: number): SourceMap {
  const position = { line, column: 1 };
  return { locate: (path) => ({ position, exact: path.length === 0 }) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads a snapshot as cubecape writes it — header line, `"items":[` line, one object per line —
 * with one JSON.parse per item instead of the YAML reader's positions for every node: a cluster
 * of 20,000 objects is one document, and only the item's line is worth pointing at. Returns
 * undefined when the file is not laid out that way (edited, reformatted) or is larger than
 * `maxBytes`, so the general reader handles it and reports what is wrong.
 */
export async function readSnapshotDrafts(
  file: string,
  maxBytes: number,
): Promise<ResourceDraft[] | undefined> {
  try {
    if ((await stat(file)).size > maxBytes) return undefined;
  } catch {
    return undefined;
  }
  const lines = (await readFile(file, 'utf8')).split('\n');
  if (lines[1] !== '"items":[') return undefined;
  const drafts: ResourceDraft[] = [];
  for (let index = 2; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw === ']}' || raw === '') continue;
    let object: unknown;
    try {
      object = JSON.parse(raw.endsWith(',') ? raw.slice(0, -1) : raw);
    } catch {
      return undefined;
    }
    if (!isRecord(object)) return undefined;
    const apiVersion = text(object['apiVersion']);
    const kind = text(object['kind']);
    if (apiVersion === undefined || kind === undefined) return undefined;
    const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
    const line = index + 1;
    const origin: Origin = {
      file,
      documentIndex: 0,
      position: { line, column: 1 },
      sourceMap: lineMap(line),
    };
    drafts.push({
      apiVersion,
      kind,
      name: text(metadata['name']) ?? '<unnamed>',
      namespace: text(metadata['namespace']),
      object,
      origin,
      itemIndex: drafts.length,
    });
  }
  return drafts;
}
