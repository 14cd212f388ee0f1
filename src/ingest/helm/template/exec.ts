/**
 * Executes parsed templates: walks statements, runs control structures, calls named templates,
 * and enforces the step, depth and output budgets that keep hostile templates bounded.
 */
import type {
  BranchNode,
  ListNode,
  Node,
  PipeNode,
  Pos,
  RangeNode,
  TemplateCallNode,
  TemplateDef,
} from './ast.js';
import { ExecFailure } from './arg-types.js';
import { describePipe, PipelineEvaluator, type MissingKey } from './eval.js';
import type { CallContext, FunctionEnvironment, FunctionMap } from './functions.js';
import { sprintOne } from './go-fmt.js';
import { TemplateError } from './template-error.js';
import { GoObject, isGoMap, isTrue, sortedKeys, type GoValue } from './values.js';

/** Limits and behaviour of one execution. */
export interface ExecLimits {
  readonly missingKey: MissingKey;
  /** Evaluation steps (nodes, commands, arguments, function work) before failing. */
  readonly maxSteps: number;
  /** Nested template calls (`template`, `include`, `tpl`) before failing. */
  readonly maxDepth: number;
  /** Output characters before failing. */
  readonly maxOutput: number;
}

/** Where templates come from: the set being executed, plus `tpl`'s ad-hoc parsing. */
export interface TemplateSource {
  lookup(name: string): TemplateDef | undefined;
  /** Parses text as an overlay template set named `name` (for `tpl`). */
  overlay(name: string, text: string): TemplateSource;
  readonly funcs: FunctionMap;
}

/** Budget shared by every nested execution of one top-level call. */
export interface Budget {
  steps: number;
  depth: number;
  readonly limits: ExecLimits;
  readonly environment: FunctionEnvironment;
}

type Flow = 'break' | 'continue' | undefined;

/**
 * Observes what the top-level template writes, for source maps: `text` came from the template
 * text node (`fromText`) or action at `at` in the executed template. Output of nested templates
 * (`include`, `template`) is reported at the call site.
 */
export type WriteTrace = (text: string, at: Pos, fromText: boolean) => void;

const NO_VALUE = '<no value>';

/** Runs one template body into a string. */
export class Executor extends PipelineEvaluator {
  private out: string[] = [];
  private outLength = 0;
  private current: Pos = { line: 0, col: 0 };
  /** What is executing, for error messages: text, or a pipeline described only on failure. */
  private currentText: string | PipeNode = '';

  constructor(
    private readonly source: TemplateSource,
    private readonly template: TemplateDef,
    private readonly budget: Budget,
    /** Name used by `tpl` for the text it parses (Helm uses the top template's name). */
    private readonly topName: string,
    private readonly trace?: WriteTrace,
  ) {
    super(source.funcs, budget.limits.missingKey);
  }

  /** Executes the template with `data` as dot and `$`. */
  run(data: GoValue): string {
    this.budget.depth++;
    try {
      if (this.budget.depth > this.budget.limits.maxDepth) {
        throw new ExecFailure(
          `exceeded maximum template depth (${String(this.budget.limits.maxDepth)})`,
        );
      }
      this.pushVar('$', data);
      this.walkList(data, this.template.root);
      return this.out.join('');
    } catch (error) {
      // A blown JS stack is converted only at the outermost call, where stack is available again.
      if (error instanceof RangeError && this.budget.depth > 1) throw error;
      throw this.locate(error);
    } finally {
      this.budget.depth--;
    }
  }

  private locate(error: unknown): unknown {
    if (error instanceof ExecFailure) {
      const text =
        typeof this.currentText === 'string' ? this.currentText : describePipe(this.currentText);
      const at = text === '' ? '' : ` at <${text}>`;
      const detail = `executing "${this.template.name}"${at}: ${error.message}`;
      return new TemplateError(
        'TEMPLATE_EXEC',
        detail,
        this.template.name,
        this.current.line,
        this.current.col,
        error,
      );
    }
    if (error instanceof RangeError) {
      const detail = `template recursion too deep for the JavaScript stack (${error.message})`;
      return new TemplateError(
        'TEMPLATE_EXEC',
        detail,
        this.template.name,
        this.current.line,
        this.current.col,
        error,
      );
    }
    return error;
  }

  protected step(): void {
    if (++this.budget.steps > this.budget.limits.maxSteps) {
      throw new ExecFailure(
        `execution exceeded the step budget (${String(this.budget.limits.maxSteps)})`,
      );
    }
  }

  protected callContext(): CallContext {
    return {
      executeTemplate: (name, data) => this.callTemplate(name, data),
      executeText: (text, data) => {
        const overlay = this.source.overlay(this.topName, text);
        const def = overlay.lookup(this.topName);
        if (def === undefined) return '';
        return new Executor(overlay, def, this.budget, this.topName).run(data);
      },
      environment: this.budget.environment,
      charge: (steps) => {
        for (let i = 0; i < steps; i += 1000) this.step();
      },
    };
  }

  private write(text: string, fromText?: Pos): void {
    this.trace?.(text, fromText ?? this.current, fromText !== undefined);
    this.outLength += text.length;
    if (this.outLength > this.budget.limits.maxOutput) {
      throw new ExecFailure(`output exceeded ${String(this.budget.limits.maxOutput)} characters`);
    }
    this.out.push(text);
  }

  private walkList(dot: GoValue, list: ListNode): Flow {
    for (const node of list.nodes) {
      const flow = this.walk(dot, node);
      if (flow !== undefined) return flow;
    }
    return undefined;
  }

  private at(node: Pos, text: string | PipeNode): void {
    this.current = node;
    this.currentText = text;
  }

  private walk(dot: GoValue, node: Node): Flow {
    this.step();
    switch (node.kind) {
      case 'text':
        this.write(node.text, node);
        return undefined;
      case 'action': {
        this.at(node.pipe, node.pipe);
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.write(printValue(value));
        return undefined;
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(dot, node, node.kind === 'with');
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        this.walkTemplate(dot, node);
        return undefined;
      case 'break':
      case 'continue':
        return node.kind;
    }
  }

  private scoped<T>(body: () => T): T {
    const mark = this.vars.length;
    try {
      return body();
    } finally {
      this.vars.length = mark;
    }
  }

  private walkIfOrWith(dot: GoValue, node: BranchNode, isWith: boolean): Flow {
    return this.scoped(() => {
      this.at(node.pipe, node.pipe);
      const value = this.evalPipeline(dot, node.pipe);
      if (isTrue(value)) return this.walkList(isWith ? value : dot, node.list);
      return node.elseList === undefined ? undefined : this.walkList(dot, node.elseList);
    });
  }

  private walkRange(dot: GoValue, node: RangeNode): Flow {
    return this.scoped(() => {
      this.at(node.pipe, node.pipe);
      const value = this.evalPipeline(dot, node.pipe, false);
      const { decl, isAssign } = node.pipe;
      if (!isAssign) for (const name of decl) this.pushVar(name, value);
      const bind = (key: GoValue, elem: GoValue): void => {
        const targets = decl.length === 2 ? [key, elem] : [elem];
        decl.forEach((name, i) => {
          this.setVar(name, targets[i]);
        });
      };
      const items = rangeItems(value, decl.length);
      if (items === undefined) {
        return node.elseList === undefined ? undefined : this.walkList(dot, node.elseList);
      }
      for (const [key, elem] of items) {
        bind(key, elem);
        const flow = this.scoped(() => this.walkList(elem, node.list));
        if (flow === 'break') break;
      }
      return undefined;
    });
  }

  private walkTemplate(dot: GoValue, node: TemplateCallNode): void {
    this.at(node, `template "${node.name}"`);
    const data = node.pipe === undefined ? null : this.evalPipeline(dot, node.pipe);
    this.write(this.callTemplate(node.name, data));
  }

  private callTemplate(name: string, data: GoValue): string {
    const def = this.source.lookup(name);
    if (def === undefined) throw new ExecFailure(`no such template "${name}"`);
    return new Executor(this.source, def, this.budget, this.topName).run(data);
  }
}

function* countUp(n: bigint): Generator<[GoValue, GoValue]> {
  for (let i = 0n; i < n; i++) yield [i, i];
}

/**
 * Go's rules for what `range` iterates: lists, maps by sorted key, and integers (lazily, so the
 * step budget stops huge counts). `undefined` means nothing to iterate (the `else` branch).
 */
function rangeItems(value: GoValue, varCount: number): Iterable<[GoValue, GoValue]> | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return value.length === 0
      ? undefined
      : value.map((elem, i): [GoValue, GoValue] => [BigInt(i), elem]);
  }
  if (isGoMap(value)) {
    const keys = sortedKeys(value);
    return keys.length === 0 ? undefined : keys.map((key): [GoValue, GoValue] => [key, value[key]]);
  }
  if (typeof value === 'bigint') {
    if (varCount > 1)
      throw new ExecFailure(`can't use ${String(value)} to iterate over more than one variable`);
    return value <= 0n ? undefined : countUp(value);
  }
  const entries = value instanceof GoObject ? value.rangeEntries() : undefined;
  if (entries !== undefined) return entries.length === 0 ? undefined : entries;
  throw new ExecFailure(`range can't iterate over ${sprintOne(value)}`);
}

/** How an action prints its value: nil and missing values print `<no value>`. */
export function printValue(value: GoValue): string {
  if (value === undefined || value === null) return NO_VALUE;
  return sprintOne(value);
}
