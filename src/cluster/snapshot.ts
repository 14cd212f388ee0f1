import { open } from 'node:fs/promises';
import { isRecord } from '../model/resource.js';
import type { ClusterRead, UnreadableKind } from './read-cluster.js';

/** Marks a `kind: List` as a cubecape snapshot; its value is the snapshot format version. */
export const SNAPSHOT_ANNOTATION = 'cubecape.io/snapshot';
export const SNAPSHOT_FORMAT = 'v1';

/** What a snapshot says about the cluster it was taken from. */
export interface SnapshotHeader {
  readonly format: string;
  readonly context: string;
  readonly serverVersion: string;
  readonly takenAt: string;
  readonly unreadable: readonly UnreadableKind[];
  readonly notServed: readonly string[];
}

const KEY = {
  context: 'cubecape.io/context',
  serverVersion: 'cubecape.io/server-version',
  takenAt: 'cubecape.io/taken-at',
  unreadable: 'cubecape.io/unreadable',
  notServed: 'cubecape.io/not-served',
} as const;

/** The bytes of the header line are read to recognise a snapshot; it is far smaller. */
const HEADER_PEEK_BYTES = 256 * 1024;

/**
 * A snapshot as text chunks: a `kind: List` whose first line holds the header (annotations on
 * the List's metadata) and which has one item per line, so findings point at a useful line and
 * the header can be read without parsing the whole file. kubectl and any JSON or YAML reader
 * take it as an ordinary List.
 */
export function* snapshotChunks(read: ClusterRead): Generator<string> {
  const annotations = {
    [SNAPSHOT_ANNOTATION]: SNAPSHOT_FORMAT,
    [KEY.context]: read.context,
    [KEY.serverVersion]: read.serverVersion,
    [KEY.takenAt]: read.readAt.toISOString(),
    [KEY.unreadable]: JSON.stringify(read.unreadable),
    [KEY.notServed]: read.notServed.join(','),
  };
  yield `{"apiVersion":"v1","kind":"List","metadata":${JSON.stringify({ annotations })},\n"items":[`;
  let first = true;
  for (const object of read.objects) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(object)}`;
    first = false;
  }
  yield '\n]}\n';
}

function unreadableOf(value: unknown): UnreadableKind[] {
  if (typeof value !== 'string') return [];
  try {
    const parsed: unknown = JSON.parse(value);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is UnreadableKind =>
        isRecord(entry) &&
        typeof entry['kind'] === 'string' &&
        typeof entry['apiVersion'] === 'string' &&
        typeof entry['resource'] === 'string' &&
        typeof entry['reason'] === 'string',
    );
  } catch {
    return [];
  }
}

/** Parses the header line of a snapshot; undefined when the text is not a cubecape snapshot. */
export function parseSnapshotHeader(firstLine: string): SnapshotHeader | undefined {
  const open = firstLine.trimEnd();
  if (!open.startsWith('{') || !open.includes(SNAPSHOT_ANNOTATION)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(`${open}"items":[]}`);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed) || parsed['kind'] !== 'List' || !isRecord(parsed['metadata'])) {
    return undefined;
  }
  const annotations = parsed['metadata']['annotations'];
  if (!isRecord(annotations) || typeof annotations[SNAPSHOT_ANNOTATION] !== 'string') {
    return undefined;
  }
  const text = (key: string): string =>
    typeof annotations[key] === 'string' ? annotations[key] : '';
  return {
    format: annotations[SNAPSHOT_ANNOTATION],
    context: text(KEY.context),
    serverVersion: text(KEY.serverVersion),
    takenAt: text(KEY.takenAt),
    unreadable: unreadableOf(annotations[KEY.unreadable]),
    notServed: text(KEY.notServed)
      .split(',')
      .filter((kind) => kind !== ''),
  };
}

/** Reads the header of a file when it is a cubecape snapshot; undefined otherwise or unreadable. */
export async function readSnapshotHeader(path: string): Promise<SnapshotHeader | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(HEADER_PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_PEEK_BYTES, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    const newline = head.indexOf('\n');
    return newline === -1 ? undefined : parseSnapshotHeader(head.slice(0, newline));
  } catch {
    // Directories, missing files and the like are for the normal reader to report.
    return undefined;
  } finally {
    await handle?.close();
  }
}
