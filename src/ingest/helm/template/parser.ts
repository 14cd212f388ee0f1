/**
 * Recursive-descent parser for Go templates. Produces one tree per template name: the file body
 * plus every `define`/`block` found in it.
 */
import type {
  ArgNode,
  BranchNode,
  CommandNode,
  ListNode,
  Node,
  PipeNode,
  Pos,
  TemplateCallNode,
  TemplateDef,
} from './ast.js';
import { Lexer, type Token, type TokenType } from './lexer.js';
import {
  decodeNumberToken,
  decodeStringToken,
  describeNode,
  describeToken as describe,
  isEmptyBody as isEmpty,
} from './parser-support.js';
import { TemplateError } from './template-error.js';

/** Things the parser must know about the environment. */
export interface ParseEnv {
  /** Go rejects calls to unknown functions at parse time. */
  readonly hasFunction: (name: string) => boolean;
}

type EndKind = 'end' | 'else';

interface ListEnd {
  readonly kind: EndKind;
  /** For `else if` / `else with`: the keyword, parsing continues with its pipeline. */
  readonly chain: 'if' | 'with' | undefined;
  readonly pos: Pos;
}

/** Parses one source into its templates (first is the file body itself). */
export function parseTemplate(name: string, src: string, env: ParseEnv): TemplateDef[] {
  return new Parser(name, new Lexer(name, src).tokenize(), env).parseFile();
}

class Parser {
  private i = 0;
  private readonly defs: TemplateDef[] = [];
  private vars: string[] = ['$'];
  private rangeDepth = 0;

  constructor(
    private readonly name: string,
    private readonly tokens: Token[],
    private readonly env: ParseEnv,
  ) {}

  parseFile(): TemplateDef[] {
    const nodes: Node[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.type === 'eof') break;
      if (tok.type === 'leftDelim' && this.peekKeyword() === 'define') {
        this.parseDefine();
        continue;
      }
      const { node, end } = this.parseItem();
      if (end !== undefined) this.fail(`unexpected {{${end.kind}}}`, end.pos);
      if (node !== undefined) nodes.push(node);
    }
    const body: TemplateDef = { name: this.name, root: { nodes }, empty: isEmpty(nodes) };
    return [body, ...this.defs];
  }

  // ---- token helpers

  private peek(offset = 0): Token {
    const tok = this.tokens[this.i + offset] ?? this.tokens[this.tokens.length - 1];
    if (tok === undefined) throw new Error('token stream is empty');
    return tok;
  }

  private next(): Token {
    const tok = this.peek();
    if (tok.type !== 'eof') this.i++;
    return tok;
  }

  private skipSpace(): void {
    while (this.peek().type === 'space') this.i++;
  }

  /** The next non-space token, consumed. */
  private nextNonSpace(): Token {
    this.skipSpace();
    return this.next();
  }

  private peekNonSpace(): Token {
    let j = 0;
    while (this.peek(j).type === 'space') j++;
    return this.peek(j);
  }

  /** Keyword right after a `{{` at the cursor, if any. */
  private peekKeyword(): string | undefined {
    let j = 1;
    while (this.peek(j).type === 'space') j++;
    const tok = this.peek(j);
    return tok.type === 'keyword' ? tok.value : undefined;
  }

  private fail(message: string, pos: Pos): never {
    throw new TemplateError('TEMPLATE_PARSE', message, this.name, pos.line, pos.col);
  }

  private expect(type: TokenType, context: string): Token {
    const tok = this.nextNonSpace();
    if (tok.type !== type) this.fail(`unexpected ${describe(tok)} in ${context}`, tok);
    return tok;
  }

  // ---- structure

  /** One text node or action; reports `{{end}}` / `{{else}}` to the caller. */
  private parseItem(): { node?: Node; end?: ListEnd } {
    const tok = this.next();
    if (tok.type === 'text')
      return { node: { kind: 'text', text: tok.value, line: tok.line, col: tok.col } };
    if (tok.type !== 'leftDelim') this.fail(`unexpected ${describe(tok)}`, tok);
    const kw = this.peekNonSpace();
    if (kw.type === 'keyword') {
      this.nextNonSpace();
      return this.parseKeyword(kw);
    }
    const pipe = this.parsePipeline('command');
    return { node: { kind: 'action', pipe, line: tok.line, col: tok.col } };
  }

  private parseKeyword(kw: Token): { node?: Node; end?: ListEnd } {
    switch (kw.value) {
      case 'end':
        this.expect('rightDelim', 'end');
        return { end: { kind: 'end', chain: undefined, pos: kw } };
      case 'else':
        return { end: this.parseElse(kw) };
      case 'if':
      case 'with':
      case 'range':
        return { node: this.parseBranch(kw.value, kw) };
      case 'template':
        return { node: this.parseTemplateCall(kw) };
      case 'block':
        return { node: this.parseBlock(kw) };
      case 'break':
      case 'continue':
        if (this.rangeDepth === 0) this.fail(`{{${kw.value}}} outside {{range}}`, kw);
        this.expect('rightDelim', kw.value);
        return { node: { kind: kw.value, line: kw.line, col: kw.col } };
      default:
        return this.fail(`unexpected <${kw.value}>`, kw);
    }
  }

  private parseElse(kw: Token): ListEnd {
    const after = this.peekNonSpace();
    if (after.type === 'keyword' && (after.value === 'if' || after.value === 'with')) {
      this.nextNonSpace();
      return { kind: 'else', chain: after.value, pos: kw };
    }
    this.expect('rightDelim', 'else');
    return { kind: 'else', chain: undefined, pos: kw };
  }

  /** Items until `{{end}}` or `{{else}}`. */
  private parseList(context: string, open: Pos): { list: ListNode; end: ListEnd } {
    const nodes: Node[] = [];
    for (;;) {
      if (this.peek().type === 'eof') this.fail(`unexpected EOF: unclosed ${context}`, open);
      if (this.peek().type === 'leftDelim' && this.peekKeyword() === 'define') {
        this.fail('unexpected <define> inside a template body', this.peek());
      }
      const { node, end } = this.parseItem();
      if (end !== undefined) return { list: { nodes }, end };
      if (node !== undefined) nodes.push(node);
    }
  }

  private parseBranch(kind: 'if' | 'with' | 'range', pos: Pos): Node {
    const savedVars = this.vars.length;
    const pipe = this.parsePipeline(kind);
    if (kind === 'range') this.rangeDepth++;
    const { list, end } = this.parseList(kind, pos);
    if (kind === 'range') this.rangeDepth--;
    let elseList: ListNode | undefined;
    if (end.kind === 'else') {
      if (end.chain !== undefined) {
        if (
          kind === 'range' ||
          (kind === 'if' && end.chain !== 'if') ||
          (kind === 'with' && end.chain !== 'with')
        ) {
          this.fail(`unexpected {{else ${end.chain}}} in {{${kind}}}`, end.pos);
        }
        // `{{else if x}}…{{end}}` is `{{else}}{{if x}}…{{end}}{{end}}` sharing one {{end}}.
        elseList = { nodes: [this.parseBranch(end.chain, end.pos)] };
      } else {
        const rest = this.parseList(kind, pos);
        if (rest.end.kind !== 'end') this.fail(`expected end; found {{else}}`, rest.end.pos);
        elseList = rest.list;
      }
    }
    this.vars.length = savedVars;
    const node: BranchNode = { pipe, list, elseList, line: pos.line, col: pos.col };
    return { kind, ...node };
  }

  private parseTemplateName(context: string): string {
    const tok = this.nextNonSpace();
    if (tok.type === 'string' || tok.type === 'rawString')
      return this.literal(tok, decodeStringToken);
    return this.fail(`unexpected ${describe(tok)} in ${context}`, tok);
  }

  private parseTemplateCall(kw: Token): TemplateCallNode {
    const name = this.parseTemplateName('template clause');
    let pipe: PipeNode | undefined;
    if (this.peekNonSpace().type !== 'rightDelim') pipe = this.parsePipeline('template clause');
    else this.nextNonSpace();
    return { kind: 'template', name, pipe, line: kw.line, col: kw.col };
  }

  private parseBlock(kw: Token): TemplateCallNode {
    const name = this.parseTemplateName('block clause');
    const pipe = this.parsePipeline('block clause');
    const saved = { vars: this.vars, range: this.rangeDepth };
    this.vars = ['$'];
    this.rangeDepth = 0;
    const { list, end } = this.parseList('block', kw);
    if (end.kind !== 'end') this.fail('unexpected {{else}} in block', end.pos);
    this.vars = saved.vars;
    this.rangeDepth = saved.range;
    this.defs.push({ name, root: list, empty: isEmpty(list.nodes) });
    return { kind: 'template', name, pipe, line: kw.line, col: kw.col };
  }

  private parseDefine(): void {
    const open = this.next();
    this.nextNonSpace();
    const name = this.parseTemplateName('define clause');
    this.expect('rightDelim', 'define clause');
    // Go parses a define as a separate tree: the file's own variables survive it.
    const saved = this.vars;
    this.vars = ['$'];
    const { list, end } = this.parseList('define', open);
    if (end.kind !== 'end') this.fail('unexpected {{else}} in define', end.pos);
    this.vars = saved;
    this.defs.push({ name, root: list, empty: isEmpty(list.nodes) });
  }

  // ---- pipelines

  private parsePipeline(
    context: string,
    closer: 'rightDelim' | 'rightParen' = 'rightDelim',
  ): PipeNode {
    const start = this.peekNonSpace();
    const decl: string[] = [];
    let isAssign = false;
    if (start.type === 'variable') {
      const parsed = this.tryDeclaration(context);
      if (parsed !== undefined) {
        decl.push(...parsed.names);
        isAssign = parsed.assign;
      }
    }
    const cmds: CommandNode[] = [];
    for (;;) {
      const tok = this.peekNonSpace();
      if (tok.type === 'rightDelim' || tok.type === 'rightParen') {
        this.nextNonSpace();
        if (tok.type !== closer) this.fail(`unexpected ${describe(tok)} in ${context}`, tok);
        break;
      }
      if (tok.type === 'eof') this.fail(`unclosed ${context}`, start);
      cmds.push(this.parseCommand());
      const after = this.peekNonSpace();
      if (after.type === 'pipe') this.nextNonSpace();
    }
    if (cmds.length === 0) this.fail(`missing value for ${context}`, start);
    this.checkPipeline(cmds);
    if (!isAssign) this.vars.push(...decl);
    return { kind: 'pipe', decl, isAssign, cmds, line: start.line, col: start.col };
  }

  /** `$x :=`, `$x =`, `$i, $v :=` at the cursor; restores the cursor when it is not one. */
  private tryDeclaration(context: string): { names: string[]; assign: boolean } | undefined {
    const save = this.i;
    const first = this.nextNonSpace();
    const op = this.nextNonSpace();
    if (op.type === 'declare' || op.type === 'assign') {
      if (op.type === 'assign' && !this.vars.includes(first.value))
        this.fail(`undefined variable "${first.value}"`, first);
      return { names: [first.value], assign: op.type === 'assign' };
    }
    if (op.type === 'comma' && context === 'range') {
      const second = this.nextNonSpace();
      const op2 = this.nextNonSpace();
      if (second.type !== 'variable' || (op2.type !== 'declare' && op2.type !== 'assign')) {
        this.fail('range can only initialize variables', second);
      }
      return { names: [first.value, second.value], assign: op2.type === 'assign' };
    }
    if (op.type === 'comma') this.fail(`too many declarations in ${context}`, op);
    this.i = save;
    return undefined;
  }

  private checkPipeline(cmds: CommandNode[]): void {
    cmds.slice(1).forEach((cmd, idx) => {
      const first = cmd.args[0];
      if (first === undefined) return;
      const k = first.kind;
      if (k === 'literal' || k === 'number' || k === 'nil' || k === 'dot') {
        this.fail(`non executable command in pipeline stage ${String(idx + 2)}`, cmd);
      }
    });
  }

  private parseCommand(): CommandNode {
    const start = this.peekNonSpace();
    const args: ArgNode[] = [];
    for (;;) {
      this.skipSpace();
      const tok = this.peek();
      if (tok.type === 'rightDelim' || tok.type === 'rightParen' || tok.type === 'pipe') break;
      args.push(this.parseOperand());
      const after = this.peek();
      if (
        after.type !== 'space' &&
        after.type !== 'rightDelim' &&
        after.type !== 'rightParen' &&
        after.type !== 'pipe'
      ) {
        this.fail(`unexpected ${describe(after)} in operand`, after);
      }
    }
    if (args.length === 0) this.fail('missing command', start);
    return { kind: 'command', args, line: start.line, col: start.col };
  }

  private parseOperand(): ArgNode {
    const term = this.parseTerm();
    const fields: string[] = [];
    while (this.peek().type === 'field') fields.push(this.next().value.slice(1));
    if (fields.length === 0) return term;
    switch (term.kind) {
      case 'field':
        return { ...term, idents: [...term.idents, ...fields] };
      case 'variable':
        return { ...term, fields: [...term.fields, ...fields] };
      case 'literal':
      case 'number':
      case 'nil':
      case 'dot':
        return this.fail(`unexpected . after term ${JSON.stringify(describeNode(term))}`, term);
      default:
        return { kind: 'chain', node: term, fields, line: term.line, col: term.col };
    }
  }

  private parseTerm(): ArgNode {
    const tok = this.next();
    const pos = { line: tok.line, col: tok.col };
    switch (tok.type) {
      case 'identifier':
        if (!this.env.hasFunction(tok.value)) this.fail(`function "${tok.value}" not defined`, tok);
        return { kind: 'identifier', name: tok.value, ...pos };
      case 'dot':
        return { kind: 'dot', ...pos };
      case 'nil':
        return { kind: 'nil', ...pos };
      case 'variable':
        if (!this.vars.includes(tok.value)) this.fail(`undefined variable "${tok.value}"`, tok);
        return { kind: 'variable', name: tok.value, fields: [], ...pos };
      case 'field':
        return { kind: 'field', idents: [tok.value.slice(1)], ...pos };
      case 'bool':
        return { kind: 'literal', value: tok.value === 'true', ...pos };
      case 'string':
      case 'rawString':
        return { kind: 'literal', value: this.literal(tok, decodeStringToken), ...pos };
      case 'char':
      case 'number':
        return this.literal(tok, decodeNumberToken);
      case 'leftParen': {
        return this.parsePipeline('parenthesized pipeline', 'rightParen');
      }
      default:
        return this.fail(`unexpected ${describe(tok)} in operand`, tok);
    }
  }

  /** Decodes a literal token, turning decoding failures into located parse errors. */
  private literal<T>(tok: Token, decode: (tok: Token) => T): T {
    try {
      return decode(tok);
    } catch (error) {
      return this.fail(error instanceof Error ? error.message : String(error), tok);
    }
  }
}
