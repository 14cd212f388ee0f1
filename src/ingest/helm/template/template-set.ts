/**
 * The public face of the engine: a set of named templates sharing one `define` namespace (like
 * Helm's chart-wide namespace), a function registry, and execution with budgets.
 */
import type { TemplateDef } from './ast.js';
import type { MissingKey } from './eval.js';
import {
  Executor,
  type Budget,
  type ExecLimits,
  type TemplateSource,
  type WriteTrace,
} from './exec.js';
import type { FunctionEnvironment, FunctionMap } from './functions.js';
import { parseTemplate } from './parser.js';
import { TemplateError } from './template-error.js';
import type { GoValue } from './values.js';

/** Options for one `execute` call. Everything has a safe default. */
export interface ExecuteOptions {
  /** Go's `missingkey` option; Helm uses `zero` (and `error` in strict mode). Default `default`. */
  readonly missingKey?: MissingKey;
  /** Helm post-processes output, replacing every `<no value>` with the empty string. */
  readonly replaceNoValue?: boolean;
  /** Evaluation step budget; default 10 million. */
  readonly maxSteps?: number;
  /** Nested template call depth; default 1000 (Helm's limit for nested `include`). */
  readonly maxDepth?: number;
  /** Output size limit in characters; default 64 Mi. */
  readonly maxOutput?: number;
  /** Deterministic randomness and clock; defaults are fixed (seeded RNG, epoch 0, UTC). */
  readonly environment?: Partial<FunctionEnvironment>;
  /** Sees each piece of output of the executed template with its position, before `<no value>` replacement. */
  readonly trace?: WriteTrace;
}

/** Mulberry32: a small seeded PRNG so that "random" functions are reproducible by default. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A parsed set of templates plus the functions they may call. */
export class TemplateSet implements TemplateSource {
  private readonly templates = new Map<string, TemplateDef>();
  private functions: Record<string, FunctionMap[string]>;

  constructor(
    functions: FunctionMap,
    private readonly parent?: TemplateSource,
  ) {
    this.functions = { ...functions };
  }

  get funcs(): FunctionMap {
    return this.functions;
  }

  /** Adds or overrides functions; affects templates parsed afterwards (Go checks names at parse time). */
  registerFunctions(functions: FunctionMap): this {
    this.functions = { ...this.functions, ...functions };
    return this;
  }

  /**
   * Parses files in the given order. Each file body is a template named after the file; its
   * `define`s join the shared namespace, a later definition replacing an earlier one unless the
   * later one is empty (Go's rule).
   */
  addFiles(files: Readonly<Record<string, string>>): this {
    for (const [name, text] of Object.entries(files)) this.addFile(name, text);
    return this;
  }

  addFile(name: string, text: string): this {
    const hasFunction = (fnName: string): boolean => Object.hasOwn(this.functions, fnName);
    for (const def of parseTemplate(name, text, { hasFunction })) {
      const old = this.templates.get(def.name);
      if (old !== undefined && def.empty && !old.empty) continue;
      this.templates.set(def.name, def);
    }
    return this;
  }

  lookup(name: string): TemplateDef | undefined {
    return this.templates.get(name) ?? this.parent?.lookup(name);
  }

  /** Names of all templates (files and defines), sorted. */
  names(): string[] {
    return [...this.templates.keys()].sort();
  }

  overlay(name: string, text: string): TemplateSource {
    return new TemplateSet(this.functions, this).addFile(name, text);
  }

  /** Executes template `name` with `data` as dot. Throws `TemplateError` on failure. */
  execute(name: string, data: GoValue, options: ExecuteOptions = {}): string {
    const def = this.lookup(name);
    if (def === undefined) {
      throw new TemplateError('TEMPLATE_EXEC', `no such template "${name}"`, name);
    }
    const limits: ExecLimits = {
      missingKey: options.missingKey ?? 'default',
      maxSteps: options.maxSteps ?? 10_000_000,
      maxDepth: options.maxDepth ?? 1000,
      maxOutput: options.maxOutput ?? 64 * 1024 * 1024,
    };
    const budget: Budget = {
      steps: 0,
      depth: 0,
      limits,
      environment: {
        random: options.environment?.random ?? seededRandom(1),
        now: options.environment?.now ?? (() => 0),
        timeZone: options.environment?.timeZone ?? 'UTC',
      },
    };
    const out = new Executor(this, def, budget, name, options.trace).run(data);
    return options.replaceNoValue === true ? out.replaceAll('<no value>', '') : out;
  }
}

/** Parses `files` (in order) into one set using `functions` (default: builtins only). */
export function parseTemplates(
  files: Readonly<Record<string, string>>,
  functions: FunctionMap,
): TemplateSet {
  return new TemplateSet(functions).addFiles(files);
}

/**
 * Helm's parse order for a chart's templates: deeper paths first, then reverse lexical order,
 * so that for duplicate `define`s the lexically first file at the shallowest depth wins.
 */
export function helmTemplateOrder(paths: readonly string[]): string[] {
  const depth = (p: string): number => p.split('/').length - 1;
  return [...paths].sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : a > b ? -1 : 0));
}
