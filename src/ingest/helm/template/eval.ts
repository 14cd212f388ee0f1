/**
 * Evaluation of pipelines, commands, fields, variables and function calls with Go's semantics.
 * `Executor` (exec.ts) extends this with the statement walk and template calls.
 */
import type {
  ArgNode,
  ChainNode,
  CommandNode,
  IdentifierNode,
  PipeNode,
  VariableNode,
} from './ast.js';
import { ExecFailure, idealConstant, literalArg, validateArg } from './arg-types.js';
import type { CallContext, FunctionMap, ParamType, TemplateFunction } from './functions.js';
import { FunctionError } from './functions.js';
import { sprintOne } from './go-fmt.js';
import {
  GoObject,
  goTypeName,
  isGoMap,
  isTrue,
  mapGet,
  mapHas,
  type GoCallable,
  type GoValue,
} from './values.js';

/** Go's `missingkey` option: what a missing map key evaluates to. */
export type MissingKey = 'default' | 'zero' | 'error';

interface Variable {
  readonly name: string;
  value: GoValue;
}

/** A function argument not yet evaluated: and/or evaluate lazily. */
type PendingArg = { readonly node: ArgNode } | { readonly value: GoValue };

/** Marks a value that came from the previous pipeline stage. */
interface Final {
  readonly value: GoValue;
}

/** Pipeline evaluation shared by the executor; subclasses supply budgets and the call context. */
export abstract class PipelineEvaluator {
  protected vars: Variable[] = [];

  constructor(
    protected readonly funcs: FunctionMap,
    protected readonly missingKey: MissingKey,
  ) {}

  protected abstract step(): void;
  protected abstract callContext(): CallContext;

  protected pushVar(name: string, value: GoValue): void {
    this.vars.push({ name, value });
  }

  protected setVar(name: string, value: GoValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) {
        v.value = value;
        return;
      }
    }
    throw new ExecFailure(`undefined variable: ${name}`);
  }

  private varValue(name: string): GoValue {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i];
      if (v?.name === name) return v.value;
    }
    throw new ExecFailure(`undefined variable: ${name}`);
  }

  /** Evaluates a pipeline; declarations bind (or assign) its result. */
  evalPipeline(dot: GoValue, pipe: PipeNode, bind = true): GoValue {
    let final: Final | undefined;
    for (const cmd of pipe.cmds) {
      // Go digs into interface{} results after each command, so a nil interface becomes "no value".
      const value = this.evalCommand(dot, cmd, final);
      final = { value: value === null ? undefined : value };
    }
    const value = final?.value;
    if (bind) {
      for (const name of pipe.decl) {
        if (pipe.isAssign) this.setVar(name, value);
        else this.pushVar(name, value);
      }
    }
    return value;
  }

  private notAFunction(args: readonly ArgNode[], final: Final | undefined): void {
    if (args.length > 1 || final !== undefined) {
      throw new ExecFailure(`can't give argument to non-function ${describeArg(args[0])}`);
    }
  }

  protected evalCommand(dot: GoValue, cmd: CommandNode, final: Final | undefined): GoValue {
    this.step();
    const head = cmd.args[0];
    if (head === undefined) throw new ExecFailure('empty command');
    switch (head.kind) {
      case 'field':
        return this.evalFieldChain(dot, dot, head.idents, cmd.args, final);
      case 'chain':
        return this.evalChain(dot, head, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, head, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, head);
      case 'variable':
        return this.evalVariable(dot, head, cmd.args, final);
      default:
        break;
    }
    this.notAFunction(cmd.args, final);
    switch (head.kind) {
      case 'literal':
        return head.value;
      case 'dot':
        return dot;
      case 'nil':
        throw new ExecFailure('nil is not a command');
      default:
        return idealConstant(head);
    }
  }

  private evalChain(
    dot: GoValue,
    chain: ChainNode,
    args: readonly ArgNode[],
    final: Final | undefined,
  ): GoValue {
    // Go evaluates the operand untyped, so a parenthesised pipeline's "no value" stays one.
    const receiver =
      chain.node.kind === 'pipe'
        ? this.evalPipeline(dot, chain.node)
        : this.evalArg(dot, chain.node, 'any');
    return this.evalFieldChain(dot, receiver, chain.fields, args, final);
  }

  private evalVariable(
    dot: GoValue,
    node: VariableNode,
    args: readonly ArgNode[],
    final: Final | undefined,
  ): GoValue {
    const value = this.varValue(node.name);
    if (node.fields.length === 0) {
      this.notAFunction(args, final);
      return value;
    }
    return this.evalFieldChain(dot, value, node.fields, args, final);
  }

  private evalFieldChain(
    dot: GoValue,
    receiver: GoValue,
    idents: readonly string[],
    args: readonly ArgNode[],
    final: Final | undefined,
  ): GoValue {
    let value = receiver;
    idents.forEach((name, i) => {
      const last = i === idents.length - 1;
      const methodArgs = (): GoValue[] => {
        if (!last) return [];
        const values = args.slice(1).map((node) => this.evalArg(dot, node, 'any'));
        return final === undefined ? values : [...values, final.value];
      };
      value = this.evalField(
        name,
        value,
        last && (args.length > 1 || final !== undefined),
        methodArgs,
      );
    });
    return value;
  }

  /** Calls a method of a Go object (`.Files.Get "x"`); failures read like Go's. */
  private callMethod(name: string, method: GoCallable, args: GoValue[]): GoValue {
    try {
      return method(...args);
    } catch (error) {
      if (error instanceof ExecFailure || !(error instanceof Error) || error instanceof RangeError)
        throw error;
      throw new ExecFailure(`error calling ${name}: ${error.message}`, { cause: error });
    }
  }

  private evalField(
    name: string,
    receiver: GoValue,
    hasArgs: boolean,
    methodArgs: () => GoValue[],
  ): GoValue {
    if (receiver === undefined) {
      if (this.missingKey === 'error')
        throw new ExecFailure(`nil data; no entry for key "${name}"`);
      return undefined;
    }
    if (receiver === null) throw new ExecFailure(`nil pointer evaluating interface {}.${name}`);
    if (receiver instanceof GoObject) {
      const value = receiver.field(name);
      if (value === undefined)
        throw new ExecFailure(`can't evaluate field ${name} in type ${receiver.goType}`);
      if (typeof value === 'function') return this.callMethod(name, value, methodArgs());
      if (hasArgs) throw new ExecFailure(`${name} has arguments but cannot be invoked as function`);
      return value;
    }
    if (isGoMap(receiver)) {
      if (hasArgs) throw new ExecFailure(`${name} is not a method but has arguments`);
      if (mapHas(receiver, name)) return mapGet(receiver, name);
      switch (this.missingKey) {
        case 'error':
          throw new ExecFailure(`map has no entry for key "${name}"`);
        case 'zero':
          return null;
        default:
          return undefined;
      }
    }
    throw new ExecFailure(`can't evaluate field ${name} in type ${goTypeName(receiver)}`);
  }

  /** Evaluates an argument for a parameter of the given type. */
  protected evalArg(dot: GoValue, node: ArgNode, type: ParamType): GoValue {
    this.step();
    switch (node.kind) {
      case 'dot':
        return validateArg(dot, type);
      case 'nil':
        if (type === 'any' || type === 'map' || type === 'list') return null;
        throw new ExecFailure(`cannot assign nil to ${type}`);
      case 'field':
        return validateArg(this.evalFieldChain(dot, dot, node.idents, [node], undefined), type);
      case 'variable':
        return validateArg(this.evalVariable(dot, node, [node], undefined), type);
      case 'pipe':
        return validateArg(this.evalPipeline(dot, node), type);
      case 'identifier':
        return validateArg(this.evalFunction(dot, node, [node], undefined), type);
      case 'chain':
        return validateArg(this.evalChain(dot, node, [node], undefined), type);
      default:
        return literalArg(node, type);
    }
  }

  private evalFunction(
    dot: GoValue,
    id: IdentifierNode,
    args: readonly ArgNode[],
    final: Final | undefined,
  ): GoValue {
    const name = id.name;
    const pending: PendingArg[] = args.slice(1).map((node) => ({ node }));
    if (final !== undefined) pending.push({ value: final.value });
    if (name === 'and' || name === 'or') return this.evalAndOr(dot, name, pending);
    const fn = this.funcs[name];
    if (fn === undefined) throw new ExecFailure(`"${name}" is not a defined function`);
    const values = this.evalCallArgs(dot, name, fn, pending);
    try {
      return fn.call(values, this.callContext());
    } catch (error) {
      if (error instanceof ExecFailure || !(error instanceof Error) || error instanceof RangeError)
        throw error;
      if (isTemplateError(error)) throw error;
      const message =
        error instanceof FunctionError || error.message !== '' ? error.message : String(error);
      throw new ExecFailure(`error calling ${name}: ${message}`, { cause: error });
    }
  }

  private evalCallArgs(
    dot: GoValue,
    name: string,
    fn: TemplateFunction,
    pending: readonly PendingArg[],
  ): GoValue[] {
    const fixed = fn.params.length;
    if (fn.variadic === undefined ? pending.length !== fixed : pending.length < fixed) {
      const want = fn.variadic === undefined ? String(fixed) : `at least ${String(fixed)}`;
      throw new ExecFailure(
        `wrong number of args for ${name}: want ${want} got ${String(pending.length)}`,
      );
    }
    return pending.map((arg, i) => {
      const type = fn.params[i] ?? fn.variadic ?? 'any';
      return 'node' in arg ? this.evalArg(dot, arg.node, type) : validateArg(arg.value, type);
    });
  }

  /** `and`/`or` stop at the first deciding operand and return it. */
  private evalAndOr(dot: GoValue, name: 'and' | 'or', pending: readonly PendingArg[]): GoValue {
    if (pending.length < 1)
      throw new ExecFailure(`wrong number of args for ${name}: want at least 1 got 0`);
    let value: GoValue = undefined;
    for (const arg of pending) {
      value = 'node' in arg ? this.evalArg(dot, arg.node, 'any') : arg.value;
      if (isTrue(value) === (name === 'or')) return value;
    }
    return value;
  }
}

function isTemplateError(error: Error): boolean {
  return error.name === 'TemplateError';
}

/** Short text of a node for messages (Go prints the node source). */
export function describeArg(node: ArgNode | undefined): string {
  if (node === undefined) return '';
  switch (node.kind) {
    case 'field':
      return `.${node.idents.join('.')}`;
    case 'variable':
      return [node.name, ...node.fields].join('.');
    case 'chain':
      return `(${describeArg(node.node)}).${node.fields.join('.')}`;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'literal':
      return typeof node.value === 'string' ? JSON.stringify(node.value) : sprintOne(node.value);
    case 'number':
      return node.text;
    case 'identifier':
      return node.name;
    case 'pipe':
      return describePipe(node);
  }
}

/** Source-like text of a pipeline, used in "executing … at <…>" messages. */
export function describePipe(pipe: PipeNode): string {
  const decl = pipe.decl.length > 0 ? `${pipe.decl.join(', ')} ${pipe.isAssign ? '=' : ':='} ` : '';
  return decl + pipe.cmds.map((cmd) => cmd.args.map(describeArg).join(' ')).join(' | ');
}
