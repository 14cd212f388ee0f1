/** Syntax tree of a parsed Go template. */
import type { GoValue } from './values.js';

export interface Pos {
  readonly line: number;
  readonly col: number;
}

export type Node =
  | TextNode
  | ActionNode
  | IfNode
  | RangeNode
  | WithNode
  | TemplateCallNode
  | BreakNode
  | ContinueNode;

export interface ListNode {
  readonly nodes: Node[];
}

export interface TextNode extends Pos {
  readonly kind: 'text';
  readonly text: string;
}

export interface ActionNode extends Pos {
  readonly kind: 'action';
  readonly pipe: PipeNode;
}

/** `if`, `with` and `range` share this shape; `else if`/`else with` nest in `elseList`. */
export interface BranchNode extends Pos {
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

export interface IfNode extends BranchNode {
  readonly kind: 'if';
}

export interface WithNode extends BranchNode {
  readonly kind: 'with';
}

export interface RangeNode extends BranchNode {
  readonly kind: 'range';
}

export interface TemplateCallNode extends Pos {
  readonly kind: 'template';
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

export interface BreakNode extends Pos {
  readonly kind: 'break';
}

export interface ContinueNode extends Pos {
  readonly kind: 'continue';
}

/** `$a, $b := cmd | cmd`; `isAssign` for `=` (assignment to existing variables). */
export interface PipeNode extends Pos {
  readonly kind: 'pipe';
  readonly decl: string[];
  readonly isAssign: boolean;
  readonly cmds: CommandNode[];
}

export interface CommandNode extends Pos {
  readonly kind: 'command';
  readonly args: ArgNode[];
}

export type ArgNode =
  | FieldNode
  | ChainNode
  | VariableNode
  | DotNode
  | NilNode
  | LiteralNode
  | NumberNode
  | IdentifierNode
  | PipeNode;

/** `.a.b` evaluated against dot. */
export interface FieldNode extends Pos {
  readonly kind: 'field';
  readonly idents: string[];
}

/** `(pipeline).a.b` or `$x.a` style access on an arbitrary operand. */
export interface ChainNode extends Pos {
  readonly kind: 'chain';
  readonly node: ArgNode;
  readonly fields: string[];
}

/** `$x.a.b`: name includes the `$`. */
export interface VariableNode extends Pos {
  readonly kind: 'variable';
  readonly name: string;
  readonly fields: string[];
}

export interface DotNode extends Pos {
  readonly kind: 'dot';
}

export interface NilNode extends Pos {
  readonly kind: 'nil';
}

/** Strings and booleans. */
export interface LiteralNode extends Pos {
  readonly kind: 'literal';
  readonly value: GoValue;
}

/**
 * A numeric constant. Like Go's parse.NumberNode it may be representable both as an integer and
 * as a float (`2.0`); `preferFloat` says which one untyped contexts get.
 */
export interface NumberNode extends Pos {
  readonly kind: 'number';
  readonly text: string;
  readonly int: bigint | undefined;
  readonly float: number | undefined;
  readonly preferFloat: boolean;
}

/** A function name. */
export interface IdentifierNode extends Pos {
  readonly kind: 'identifier';
  readonly name: string;
}

/** A named template body (`define`, `block`, or a file). */
export interface TemplateDef {
  readonly name: string;
  readonly root: ListNode;
  /** Whether the body is only whitespace (an empty redefinition does not replace a template). */
  readonly empty: boolean;
}
