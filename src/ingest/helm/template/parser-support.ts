/** Token decoding and descriptions shared by the parser. */
import type { ArgNode, Node, NumberNode } from './ast.js';
import type { Token } from './lexer.js';
import { parseNumber, unquoteGo } from './literals.js';

/** A number or character token as a constant; throws an Error with Go's message when invalid. */
export function decodeNumberToken(tok: Token): NumberNode {
  let charValue: number | undefined;
  if (tok.type === 'char') {
    const text = unquoteGo(tok.value.slice(1, -1), "'");
    if (Array.from(text).length !== 1)
      throw new Error(`malformed character constant: ${tok.value}`);
    charValue = text.codePointAt(0);
  }
  const node = parseNumber(tok.value, tok, tok.type === 'char', charValue);
  if (typeof node === 'string') throw new Error(node);
  return node;
}

/** A quoted or raw string token's value (raw strings drop carriage returns, as Go does). */
export function decodeStringToken(tok: Token): string {
  if (tok.type === 'rawString') return tok.value.slice(1, -1).replace(/\r/g, '');
  return unquoteGo(tok.value.slice(1, -1), '"');
}

/** Whether a template body is only whitespace (such a body does not replace a definition). */
export function isEmptyBody(nodes: Node[]): boolean {
  return nodes.every((n) => n.kind === 'text' && n.text.trim() === '');
}

/** A token as parse errors quote it. */
export function describeToken(tok: Token): string {
  if (tok.type === 'eof') return 'EOF';
  if (tok.type === 'rightDelim') return '"}}"';
  return `<${tok.value}>`;
}

/** An operand as parse errors quote it. */
export function describeNode(node: ArgNode): string {
  if (node.kind === 'number') return node.text;
  if (node.kind === 'literal') {
    return typeof node.value === 'boolean' ? String(node.value) : JSON.stringify(node.value);
  }
  return node.kind;
}
