import type { Document, LineCounter, ParsedNode } from 'yaml';
import { CubecapeError } from '../core/errors.js';
import { yaml } from '../core/lazy-require.js';
import { closestMatches } from './close-match.js';

/** A node of a configuration document, or null where a value is missing (`key:`). */
export type ConfigNode = ParsedNode | null;

/** Reads typed values out of one YAML document, failing with file:line on the first problem. */
export class ConfigReader {
  readonly file: string;
  private readonly lines: LineCounter;
  private readonly fallback: number;

  constructor(file: string, lines: LineCounter, fallback: number) {
    this.file = file;
    this.lines = lines;
    this.fallback = fallback;
  }

  /** A usage error (exit 2) located at `node`, or at the enclosing node when it is missing. */
  fail(node: ConfigNode | undefined, message: string, near?: ConfigNode): CubecapeError {
    const offset = node?.range[0] ?? near?.range[0] ?? this.fallback;
    const { line, col } = this.lines.linePos(offset);
    return new CubecapeError('CONFIG', message, { file: this.file, line, column: col });
  }

  /** The entries of a map whose keys are all in `known`; anything else is an error. */
  map(node: ConfigNode, at: string, known: readonly string[]): Map<string, Entry> {
    if (!yaml().isMap(node))
      throw this.fail(node, `expected a map at ${at}, got ${describe(node)}`);
    const entries = new Map<string, Entry>();
    for (const pair of node.items) {
      const keyNode = pair.key as ConfigNode;
      const key = yaml().isScalar(keyNode) ? keyNode.value : undefined;
      if (typeof key !== 'string')
        throw this.fail(keyNode, `expected a string key in ${at}, got ${describe(keyNode)}`, node);
      const where = at === '' ? key : `${at}.${key}`;
      if (!known.includes(key)) {
        const near = closestMatches(key, known, 1);
        const hint = near.length === 0 ? '' : ` (did you mean "${near.join('')}"?)`;
        throw this.fail(keyNode, `unknown key "${where}"${hint}`);
      }
      entries.set(key, { key: keyNode, value: pair.value, at: where });
    }
    return entries;
  }

  string(node: ConfigNode, at: string): string {
    if (yaml().isScalar(node) && typeof node.value === 'string') return node.value;
    throw this.fail(node, `expected a string at ${at}, got ${describe(node)}`);
  }

  /** A list of strings; each passes `check`, which returns a problem or undefined. */
  strings(node: ConfigNode, at: string, check?: (value: string) => string | undefined): string[] {
    if (!yaml().isSeq(node))
      throw this.fail(node, `expected a list of strings at ${at}, got ${describe(node)}`);
    return node.items.map((item, index) => {
      const child = item as ConfigNode;
      if (!yaml().isScalar(child) || typeof child.value !== 'string')
        throw this.fail(
          child,
          `expected a list of strings at ${at}, got ${describe(child)} at ${at}[${index}]`,
          node,
        );
      const problem = check?.(child.value);
      if (problem !== undefined) throw this.fail(child, `${at}[${index}]: ${problem}`);
      return child.value;
    });
  }

  /** The items of a list, for lists whose items are not all strings. */
  items(node: ConfigNode, at: string, what: string): ConfigNode[] {
    if (!yaml().isSeq(node))
      throw this.fail(node, `expected a list of ${what} at ${at}, got ${describe(node)}`);
    return node.items.map((item) => item as ConfigNode);
  }
}

/** One `key: value` of a map, with where it sits. */
export interface Entry {
  readonly key: ConfigNode;
  readonly value: ConfigNode;
  /** Dotted path of the value (`spec.resources.limits`). */
  readonly at: string;
}

/** "a number", "a list", "nothing", … for "expected X, got Y" messages. */
export function describe(node: ConfigNode | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  if (yaml().isMap(node)) return 'a map';
  if (yaml().isSeq(node)) return 'a list';
  if (yaml().isAlias(node)) return 'an alias';
  const value: unknown = node.value;
  if (value === null) return 'nothing';
  if (typeof value === 'string')
    return `the string "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'number' || typeof value === 'bigint') return `a number (${String(value)})`;
  if (typeof value === 'boolean') return `a boolean (${String(value)})`;
  return typeof value;
}

/**
 * Parses exactly one YAML document. Anchors and aliases are refused outright: a configuration
 * has no need for them, and refusing them rules out alias-expansion bombs.
 */
export function parseConfigDocument(
  text: string,
  file: string,
): { root: ConfigNode; reader: ConfigReader } {
  const lines = new (yaml().LineCounter)();
  const parsed = yaml().parseAllDocuments(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const documents: Document.Parsed[] = Array.isArray(parsed) ? parsed : [];
  const reader = new ConfigReader(file, lines, 0);
  const first = documents[0];
  for (const document of documents) {
    const error = document.errors[0];
    if (error !== undefined) {
      const { line, col } = lines.linePos(error.pos[0]);
      throw new CubecapeError('CONFIG', `invalid YAML: ${error.message.split('\n')[0] ?? ''}`, {
        file,
        line,
        column: col,
      });
    }
  }
  if (first === undefined || first.contents === null)
    throw reader.fail(null, 'expected a ControlsConfig document, got an empty file');
  const second = documents[1];
  if (second !== undefined)
    throw reader.fail(second.contents, 'expected one ControlsConfig document, got several');
  const anchored = anchorOrAlias(first.contents);
  if (anchored !== undefined)
    throw reader.fail(
      anchored,
      'anchors and aliases are not supported in a controls configuration',
    );
  return { root: first.contents, reader };
}

/** Iterative, so a hostile deeply nested document cannot overflow the stack. */
function anchorOrAlias(root: ConfigNode): ConfigNode | undefined {
  // Breadth first, in document order, so the error points at the first anchor a reader sees.
  const pending: unknown[] = [root];
  for (let index = 0; index < pending.length; index++) {
    const node = pending[index];
    if (yaml().isAlias(node)) return node as ConfigNode;
    if (yaml().isMap(node) || yaml().isSeq(node) || yaml().isScalar(node)) {
      if (node.anchor !== undefined) return node as ConfigNode;
      if (yaml().isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
      if (yaml().isSeq(node)) pending.push(...node.items);
    }
  }
  return undefined;
}
