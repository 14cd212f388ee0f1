import type { LoadOptions, State } from 'js-yaml';
import { jsYaml } from '../core/lazy-require.js';
import type { Position } from '../model/resource.js';
import { readFastYaml } from './fast-yaml.js';
import { NodeIndex, RecordedSourceMap, TapeIndex, TapeSourceMap } from './source-map.js';
import type { DocumentSourceMap, DocumentText, NodeRecord } from './source-map.js';
import { splitDocuments } from './split-documents.js';
import type { DocumentChunk } from './split-documents.js';
import type { IngestIssue } from './types.js';
import { checkBounds, YAML_LIMITS } from './yaml-limits.js';
import { kubernetesYamlSchema } from './yaml-schema.js';

/** One parsed YAML (or JSON) document. */
export interface ParsedDocument {
  /** 0-based position of the document in its file. */
  readonly index: number;
  readonly value: unknown;
  /** Where the document's content starts. */
  readonly position: Position;
  readonly sourceMap: DocumentSourceMap;
}

export interface ParsedStream {
  readonly documents: ParsedDocument[];
  readonly issues: IngestIssue[];
}

export interface ParseOptions {
  /** Record node positions while parsing (default true); off only for measurements. */
  readonly recordPositions?: boolean;
  /**
   * Try the fast reader (fast-yaml.ts) before js-yaml (default true); off only for measurements
   * and for tests that compare the two.
   */
  readonly fastPath?: boolean;
}

/** js-yaml's parser state as the listener sees it; these fields are not in its type definitions. */
type ListenerState = State & { readonly depth: number; readonly anchorMap?: object };

/** Thrown from the listener to stop a document that has too many nodes to be worth keeping. */
class NodeBudgetExceeded extends Error {}

/** js-yaml options, with the ones its type definitions lack. */
type Options = LoadOptions & { readonly maxDepth: number };

interface Recorder {
  readonly record: NodeRecord;
  readonly options: Options;
  /** The same options without the listener, for parsing without positions. */
  readonly plainOptions: Options;
  /** Offset of the innermost node still open, for errors raised inside it. */
  openOffset(): number | undefined;
  /** Whether the document defined anchors (known once parsing finished). */
  hadAnchors(): boolean;
}

function hasKeys(value: object | undefined): boolean {
  for (const key in value) if (Object.hasOwn(value, key)) return true;
  return false;
}

function createRecorder(maxDepth: number, maxNodes: number, json: boolean): Recorder {
  const record: NodeRecord = { depth: [], offset: [], value: [] };
  const { depth, offset, value } = record;
  const openAt: number[] = [];
  let level = 0;
  let anchors = true;
  const listener = (event: 'open' | 'close', state: State): void => {
    const current = (state as ListenerState).depth;
    if (event === 'open') {
      if (depth.length >= maxNodes) throw new NodeBudgetExceeded();
      openAt[current] = depth.length;
      depth.push(current);
      offset.push(state.position);
      value.push(undefined);
      level = current;
    } else {
      value[openAt[current] ?? 0] = state.result;
      level = current - 1;
      if (current === 1) anchors = hasKeys((state as ListenerState).anchorMap);
    }
  };
  const schema = kubernetesYamlSchema();
  return {
    record,
    options: { schema, maxDepth, json, listener },
    plainOptions: { schema, maxDepth, json },
    openOffset: () => (level > 0 ? offset[openAt[level] ?? 0] : undefined),
    hadAnchors: () => anchors,
  };
}

/** Skips whitespace, comments and a leading `---` marker to where content starts. */
function contentOffset(text: string, from: number): number {
  let at = from;
  for (;;) {
    const code = text.charCodeAt(at);
    if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) at += 1;
    else if (code === 0x23)
      at = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at);
    else if (text.startsWith('---', at) && (at === 0 || text.charCodeAt(at - 1) === 0x0a)) at += 3;
    else return at;
  }
}

function positionIn(doc: DocumentText, offset: number): Position {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  let line = 0;
  for (
    let at = doc.text.indexOf('\n');
    at !== -1 && at < lineStart;
    at = doc.text.indexOf('\n', at + 1)
  ) {
    line += 1;
  }
  return { line: doc.startLine + line + 1, column: offset - lineStart + 1 };
}

const KEY_AT = /^\s*("(?:[^"\\]|\\.)*"|'[^']*'|[^:#\n]*?)\s*:/;

/** Turns a js-yaml failure into an issue located in the file, not in the document slice. */
function issueFor(
  error: unknown,
  chunk: DocumentChunk,
  file: string,
  openOffset: number | undefined,
): IngestIssue {
  const where = `document ${chunk.index + 1}`;
  if (error instanceof NodeBudgetExceeded) {
    const message = `${where} has more than ${YAML_LIMITS.maxNodes} nodes`;
    return {
      code: 'YAML_ALIAS_LIMIT',
      severity: 'error',
      message,
      file,
      line: chunk.startLine + 1,
    };
  }
  if (error instanceof RangeError) {
    const message = `${where} nests too deeply to parse (${error.message})`;
    return { code: 'YAML_TOO_DEEP', severity: 'error', message, file, line: chunk.startLine + 1 };
  }
  if (!(error instanceof jsYaml().YAMLException)) {
    const message = `${where} could not be parsed: ${String(error)}`;
    return { code: 'YAML_SYNTAX', severity: 'error', message, file, line: chunk.startLine + 1 };
  }
  const reason = error.reason;
  let at = { line: chunk.startLine + error.mark.line + 1, column: error.mark.column + 1 };
  let detail = reason;
  if (reason.startsWith('duplicated mapping key')) {
    const key = KEY_AT.exec(chunk.text.slice(error.mark.position, error.mark.position + 300))?.[1];
    const code = 'YAML_DUPLICATE_KEY';
    const message = `${where}: duplicated mapping key${key === undefined ? '' : ` ${key}`}; kubectl rejects duplicate keys`;
    return { code, severity: 'error', message, file, ...at };
  }
  if (
    reason.includes('end of the stream within') ||
    reason.includes('end of the document within')
  ) {
    // The end of the input is where js-yaml noticed; where the unclosed node opened is what to fix.
    if (openOffset !== undefined) {
      const end = at;
      at = positionIn(chunk, contentOffset(chunk.text, openOffset));
      detail = `${reason}: opened at line ${at.line}, column ${at.column}, never closed before line ${end.line}`;
    }
  }
  const code = reason.startsWith('nesting exceeded maxDepth')
    ? 'YAML_TOO_DEEP'
    : reason.startsWith('merge keys exceeded')
      ? 'YAML_ALIAS_LIMIT'
      : 'YAML_SYNTAX';
  return { code, severity: 'error', message: `${where}: ${detail}`, file, ...at };
}

/**
 * Parses one document: with the fast reader when it is sure of the result, else with js-yaml.
 * Returns undefined for an empty (or null) document.
 */
export function parseChunk(
  chunk: DocumentChunk,
  file: string,
  options: ParseOptions = {},
): ParsedDocument | IngestIssue | undefined {
  const record = options.recordPositions ?? true;
  const fast = options.fastPath === false ? undefined : readFastYaml(chunk.text);
  if (fast !== undefined) {
    if (fast.value === null) return undefined;
    const sourceMap = record
      ? new TapeSourceMap(new TapeIndex(chunk, fast.tape, fast.root))
      : new RecordedSourceMap(() => undefined);
    const position = positionIn(chunk, fast.root);
    return { index: chunk.index, value: fast.value, position, sourceMap };
  }
  const recorder = createRecorder(YAML_LIMITS.maxDepth, YAML_LIMITS.maxNodes, false);
  let value: unknown;
  try {
    value = jsYaml().load(chunk.text, record ? recorder.options : recorder.plainOptions);
  } catch (error) {
    return issueFor(error, chunk, file, recorder.openOffset());
  }
  if (value === null || value === undefined) return undefined;
  // Without anchors there is no sharing: the parser's own limits already bound depth and size.
  if (record ? recorder.hadAnchors() : chunk.text.includes('&')) {
    const violation = checkBounds(value);
    if (violation !== undefined) {
      const message = `document ${chunk.index + 1}: ${violation.message}`;
      return { code: violation.code, severity: 'error', message, file, line: chunk.startLine + 1 };
    }
  }
  const index = record ? new NodeIndex(recorder.record, chunk) : undefined;
  const position =
    index === undefined ? positionIn(chunk, contentOffset(chunk.text, 0)) : index.positionOf(0);
  return { index: chunk.index, value, position, sourceMap: new RecordedSourceMap(() => index) };
}

/** Parses a JSON text with JSON.parse; positions are recovered only if someone asks for one. */
function parseJson(text: string, file: string): ParsedStream | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const doc: DocumentText = { text, startLine: 0 };
  const position = positionIn(doc, contentOffset(text, 0));
  const violation = checkBounds(value);
  if (violation !== undefined) {
    const issue: IngestIssue = { ...violation, severity: 'error', file, ...position };
    return { documents: [], issues: [issue] };
  }
  let index: NodeIndex | undefined | null = null;
  const lazyIndex = (): NodeIndex | undefined => {
    if (index !== null) return index;
    // JSON keeps the last of duplicate keys; `json: true` makes js-yaml agree instead of failing.
    const recorder = createRecorder(YAML_LIMITS.maxDepth * 2 + 8, YAML_LIMITS.maxNodes, true);
    try {
      jsYaml().load(text, recorder.options);
      index = new NodeIndex(recorder.record, doc);
    } catch {
      index = undefined;
    }
    return index;
  };
  const sourceMap = new RecordedSourceMap(lazyIndex);
  return { documents: [{ index: 0, value, position, sourceMap }], issues: [] };
}

function looksLikeJson(text: string): boolean {
  const first = text.charCodeAt(contentOffset(text, 0));
  return first === 0x7b || first === 0x5b;
}

/**
 * Parses a YAML stream (or a JSON text) into documents with Kubernetes (YAML 1.1) semantics.
 * Each document is parsed on its own: a broken one is reported with its file position and the
 * others still parse. Empty documents are dropped but keep their index. Never throws.
 */
export function parseYamlStream(
  input: string,
  file: string,
  options: ParseOptions = {},
): ParsedStream {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (looksLikeJson(text)) {
    const json = parseJson(text, file);
    if (json !== undefined) return json;
  }
  const documents: ParsedDocument[] = [];
  const issues: IngestIssue[] = [];
  for (const chunk of splitDocuments(text)) {
    const parsed = parseChunk(chunk, file, options);
    if (parsed === undefined) continue;
    if ('code' in parsed) issues.push(parsed);
    else documents.push(parsed);
  }
  return { documents, issues };
}
